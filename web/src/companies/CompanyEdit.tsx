import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Stack, Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { fieldProblems } from "../api/errors";
import type { Company, CompanyInput } from "../api/types";
import { browsesWholeBase } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { CompanyFields, companyInputOf, companyValuesOf, type CompanyValues } from "./CompanyFields";
import { useFacets, useUpdateCompany } from "./queries";
import { picksSources, useSourceOptions } from "../sources/queries";

/** Only what changed is sent, so the timeline records exactly the fields someone edited. */
function changedFields(before: Company, after: CompanyInput): Partial<CompanyInput> {
  const patch: Partial<CompanyInput> = {};
  const keys = ["legalName", "groupName", "industry", "size", "region", "sourceId"] as const;
  for (const key of keys) {
    if ((after[key] ?? null) !== (before[key] ?? null)) Object.assign(patch, { [key]: after[key] ?? null });
  }
  if ((after.legalId ?? null) !== before.legalId || (after.legalIdKind && after.legalIdKind !== before.legalIdKind)) {
    patch.legalId = after.legalId ?? null;
    patch.legalIdKind = after.legalIdKind ?? null;
  }
  return patch;
}

export function CompanyEdit({ company, opened, onClose }: { company: Company; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const facets = useFacets(browsesWholeBase(user));
  const sources = useSourceOptions(picksSources(user));
  const update = useUpdateCompany(company.id);
  const [values, setValues] = useState<CompanyValues>(() => companyValuesOf(company));
  const [doNotCall, setDoNotCall] = useState(company.doNotCall ?? false);

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Partial<CompanyInput> & { doNotCall?: boolean } = changedFields(company, companyInputOf(values));
    if (doNotCall !== (company.doNotCall ?? false)) patch.doNotCall = doNotCall;
    if (Object.keys(patch).length === 0) return close();
    update.mutate(patch, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("company.saved") });
        close();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t("company.editTitle")} size="lg" centered>
      <form onSubmit={submit} data-testid="company-edit">
        <Stack gap="md">
          <ErrorAlert error={update.error} />
          <CompanyFields
            values={values}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            problems={fieldProblems(t, update.error)}
            facets={facets.data}
            sources={sources.data}
            currentSource={company.sourceId === null ? null : { id: company.sourceId, name: company.source ?? `#${company.sourceId}` }}
          />
          <Switch
            color="red"
            label={t("company.doNotCall")}
            description={t("company.doNotCallHint")}
            checked={doNotCall}
            onChange={(e) => setDoNotCall(e.currentTarget.checked)}
            data-testid="company-do-not-call"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="company-edit-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
