import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Button, Divider, Group, Modal, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { fieldProblems } from "../api/errors";
import { browsesWholeBase } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { CompanyFields, companyInputOf, emptyCompany, type CompanyValues } from "./CompanyFields";
import { ContactFields, contactInputOf, emptyContact, isBlankContact, type ContactValues } from "./ContactFields";
import { useCreateCompany, useFacets } from "./queries";
import { picksSources, useSourceOptions } from "../sources/queries";
import type { SourceKind } from "../sources/types";

/** What the form starts with when the situation already tells: an inbound call gives the phone and the kind of source. */
export interface CompanyStart {
  phone?: string;
  sourceKind?: SourceKind;
}

interface Props {
  opened: boolean;
  onClose(): void;
  onCreated(id: number): void;
  initial?: CompanyStart;
}

const firstContact = (initial?: CompanyStart): ContactValues => ({ ...emptyContact(), phones: initial?.phone ? [initial.phone] : [] });

/** A new company with its people in one step: the server checks the tax id and phones against the whole base. */
export function CompanyCreate({ opened, onClose, onCreated, initial }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const facets = useFacets(browsesWholeBase(user));
  const sources = useSourceOptions(picksSources(user));
  const create = useCreateCompany();
  const [company, setCompany] = useState<CompanyValues>(emptyCompany);
  const [contacts, setContacts] = useState<ContactValues[]>(() => [firstContact(initial)]);
  /** Row shown for each contact sent: blank rows are dropped, but problems must land on the right row. */
  const sentRows = useRef<number[]>([]);
  /** The source is pre-picked once; a person who clears it means it. */
  const sourcePicked = useRef(false);

  useEffect(() => {
    if (!opened || sourcePicked.current || !initial?.sourceKind || !sources.data) return;
    sourcePicked.current = true;
    const first = sources.data.find((s) => s.kind === initial.sourceKind);
    if (first) setCompany((v) => (v.sourceId ? v : { ...v, sourceId: String(first.id) }));
  }, [opened, initial?.sourceKind, sources.data]);

  const close = () => {
    setCompany(emptyCompany);
    setContacts([firstContact(initial)]);
    sourcePicked.current = false;
    create.reset();
    onClose();
  };

  const patchContact = (index: number, patch: Partial<ContactValues>) =>
    setContacts((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const kept = contacts.map((c, i) => ({ c, i })).filter(({ c }) => !isBlankContact(c));
    const body = { ...companyInputOf(company), contacts: kept.map(({ c }) => contactInputOf(c)) };
    sentRows.current = kept.map(({ i }) => i);
    create.mutate(body, {
      onSuccess: ({ company: created }) => {
        notifications.show({ color: "teal", message: t("companies.created", { name: created.legalName }) });
        close();
        onCreated(created.id);
      },
    });
  };

  const problems = fieldProblems(t, create.error).map((p) => {
    const match = /^contacts\.(\d+)\.(.*)$/.exec(p.field);
    if (!match) return p;
    const shown = sentRows.current[Number(match[1])] ?? Number(match[1]);
    return { ...p, field: `contacts.${shown}.${match[2]}` };
  });

  return (
    <Modal opened={opened} onClose={close} title={t("companies.new")} size="xl" centered data-testid="company-create">
      <form onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={create.error} />
          <CompanyFields values={company} onChange={(patch) => setCompany((v) => ({ ...v, ...patch }))} problems={problems} facets={facets.data} sources={sources.data} />
          <Divider label={t("contact.sectionTitle")} labelPosition="left" />
          {contacts.map((contact, index) => (
            <Paper key={index} withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)">
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600} c="dimmed">
                  {t("contact.number", { n: index + 1 })}
                </Text>
                {contacts.length > 1 ? (
                  <Tooltip label={t("contact.remove")}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => setContacts((list) => list.filter((_, i) => i !== index))} aria-label={t("contact.remove")}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
              <ContactFields
                values={contact}
                onChange={(patch) => patchContact(index, patch)}
                problems={problems}
                prefix={`contacts.${index}.`}
                testPrefix={`new-contact-${index}`}
              />
            </Paper>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setContacts((list) => [...list, emptyContact()])} disabled={contacts.length >= 20} data-testid="add-contact-row">
              {t("contact.addAnother")}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="company-create-submit">
                {t("companies.create")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
