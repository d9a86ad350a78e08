import { useTranslation } from "react-i18next";
import { Checkbox, Grid, TagsInput, TextInput } from "@mantine/core";
import { IconMail, IconPhone } from "@tabler/icons-react";
import type { Contact, ContactInput } from "../api/types";
import { problemFor, type FieldProblem } from "../api/errors";

/** A contact as the form holds it, with the half-typed phone or email not yet turned into a tag. */
export interface ContactValues {
  fullName: string;
  position: string;
  phones: string[];
  phoneDraft: string;
  emails: string[];
  emailDraft: string;
  decisionMaker: boolean;
}

export const emptyContact = (): ContactValues => ({ fullName: "", position: "", phones: [], phoneDraft: "", emails: [], emailDraft: "", decisionMaker: false });

export const contactValuesOf = (c: Contact): ContactValues => ({
  fullName: c.fullName,
  position: c.position ?? "",
  phones: c.phones,
  phoneDraft: "",
  emails: c.emails,
  emailDraft: "",
  decisionMaker: c.decisionMaker,
});

const withDraft = (list: string[], draft: string) => {
  const extra = draft.trim();
  return extra && !list.includes(extra) ? [...list, extra] : list;
};

export const contactInputOf = (v: ContactValues): ContactInput => ({
  fullName: v.fullName.trim(),
  position: v.position.trim() || null,
  phones: withDraft(v.phones, v.phoneDraft).map((p) => p.trim()).filter(Boolean),
  emails: withDraft(v.emails, v.emailDraft).map((e) => e.trim()).filter(Boolean),
  decisionMaker: v.decisionMaker,
});

/** True when nothing was typed (an untouched extra contact row is skipped, not refused). */
export const isBlankContact = (v: ContactValues) =>
  !v.fullName.trim() && !v.position.trim() && v.phones.length === 0 && !v.phoneDraft.trim() && v.emails.length === 0 && !v.emailDraft.trim();

interface Props {
  values: ContactValues;
  onChange(patch: Partial<ContactValues>): void;
  problems: FieldProblem[];
  /** Where the server names this contact's fields: "contacts.0." in a new company, "" for one contact. */
  prefix: string;
  testPrefix?: string;
}

export function ContactFields({ values, onChange, problems, prefix, testPrefix = "contact" }: Props) {
  const { t } = useTranslation();
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          label={t("contact.fullName")}
          value={values.fullName}
          onChange={(e) => onChange({ fullName: e.currentTarget.value })}
          error={problemFor(problems, `${prefix}fullName`)}
          required
          maxLength={200}
          data-testid={`${testPrefix}-full-name`}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          label={t("contact.position")}
          value={values.position}
          onChange={(e) => onChange({ position: e.currentTarget.value })}
          error={problemFor(problems, `${prefix}position`)}
          maxLength={200}
          data-testid={`${testPrefix}-position`}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TagsInput
          label={t("contact.phones")}
          description={t("contact.phonesHint")}
          leftSection={<IconPhone size={16} />}
          value={values.phones}
          onChange={(phones) => onChange({ phones })}
          searchValue={values.phoneDraft}
          onSearchChange={(phoneDraft) => onChange({ phoneDraft })}
          splitChars={[",", ";"]}
          acceptValueOnBlur
          maxTags={10}
          error={problemFor(problems, `${prefix}phones`)}
          data-testid={`${testPrefix}-phones`}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TagsInput
          label={t("contact.emails")}
          description={t("contact.emailsHint")}
          leftSection={<IconMail size={16} />}
          value={values.emails}
          onChange={(emails) => onChange({ emails })}
          searchValue={values.emailDraft}
          onSearchChange={(emailDraft) => onChange({ emailDraft })}
          splitChars={[",", ";", " "]}
          acceptValueOnBlur
          maxTags={10}
          error={problemFor(problems, `${prefix}emails`)}
          data-testid={`${testPrefix}-emails`}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Checkbox
          label={t("contact.decisionMaker")}
          checked={values.decisionMaker}
          onChange={(e) => onChange({ decisionMaker: e.currentTarget.checked })}
          data-testid={`${testPrefix}-decision-maker`}
        />
      </Grid.Col>
    </Grid>
  );
}
