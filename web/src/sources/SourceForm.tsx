import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Grid, Group, Modal, NumberInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { fieldProblems, problemFor } from "../api/errors";
import { ErrorAlert } from "../common/ErrorAlert";
import { useTeam } from "../companies/queries";
import { toMinor } from "../i18n/format";
import { CURRENCIES } from "./kinds";
import { useSaveSource } from "./queries";
import { SOURCE_KINDS, type LeadSource, type SourceInput, type SourceKind } from "./types";

interface Values {
  name: string;
  kind: SourceKind;
  cost: number | string;
  currency: string;
  ownerId: string;
  active: boolean;
  intakeHourlyLimit: number | string;
}

const valuesOf = (s: LeadSource | null): Values => ({
  name: s?.name ?? "",
  kind: s?.kind ?? "partner",
  cost: s?.costPerLeadMinor === null || s?.costPerLeadMinor === undefined ? "" : s.costPerLeadMinor / 100,
  currency: s?.currency ?? "UAH",
  ownerId: s?.owner ? String(s.owner.id) : "",
  active: s?.active ?? true,
  intakeHourlyLimit: s?.intake.hourlyLimit ?? 120,
});

function inputOf(v: Values): SourceInput {
  const cost = v.cost === "" ? null : toMinor(v.cost);
  return {
    name: v.name.trim(),
    kind: v.kind,
    costPerLeadMinor: cost,
    // A price is an amount in a currency: no amount, no currency.
    currency: cost === null ? null : v.currency,
    ownerId: v.ownerId ? Number(v.ownerId) : null,
    active: v.active,
    intakeHourlyLimit: Number(v.intakeHourlyLimit) || 120,
  };
}

/** Add or change a source: its name, kind, what a lead costs, who answers for it, and the intake's hourly limit. */
export function SourceForm({ source, onClose }: { source: LeadSource | null; onClose(): void }) {
  const { t } = useTranslation();
  const team = useTeam();
  const save = useSaveSource();
  const [values, setValues] = useState<Values>(() => valuesOf(source));
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const problems = fieldProblems(t, save.error);
  const owners = (team.data ?? [])
    .filter((u) => u.active || String(u.id) === values.ownerId)
    .map((u) => ({ value: String(u.id), label: `${u.fullName} · ${t(`role.${u.role}`)}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: source?.id ?? null, body: inputOf(values) },
      {
        onSuccess: ({ source: saved }) => {
          notifications.show({ color: "teal", message: t("sources.saved", { name: saved.name }) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={source ? t("sources.editTitle") : t("sources.newTitle")} size="lg" centered data-testid="source-form">
      <form onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput
                label={t("sources.field.name")}
                placeholder={t("sources.field.namePlaceholder")}
                value={values.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={problemFor(problems, "name")}
                required
                maxLength={100}
                data-autofocus
                data-testid="source-name"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={t("sources.field.kind")}
                value={values.kind}
                onChange={(value) => value && set({ kind: value as SourceKind })}
                data={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sources.kind.${k}`) }))}
                allowDeselect={false}
                data-testid="source-kind"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 5 }}>
              <NumberInput
                label={t("sources.field.cost")}
                description={t("sources.field.costHint")}
                value={values.cost}
                onChange={(value) => set({ cost: value })}
                min={0}
                decimalScale={2}
                thousandSeparator=" "
                error={problemFor(problems, "costPerLeadMinor")}
                data-testid="source-cost"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 2 }}>
              <Select
                label={t("sources.field.currency")}
                description=" "
                value={values.currency}
                onChange={(value) => value && set({ currency: value })}
                data={[...new Set([...CURRENCIES, values.currency])]}
                allowDeselect={false}
                error={problemFor(problems, "currency")}
                data-testid="source-currency"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={t("sources.field.owner")}
                description={t("sources.field.ownerHint")}
                value={values.ownerId || null}
                onChange={(value) => set({ ownerId: value ?? "" })}
                data={owners}
                error={problemFor(problems, "ownerId")}
                placeholder={t("sources.noOwner")}
                searchable
                clearable
                nothingFoundMessage={t("common.nothingFound")}
                data-testid="source-owner"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <NumberInput
                label={t("sources.field.hourlyLimit")}
                description={t("sources.field.hourlyLimitHint")}
                value={values.intakeHourlyLimit}
                onChange={(value) => set({ intakeHourlyLimit: value })}
                min={1}
                max={100_000}
                allowDecimal={false}
                error={problemFor(problems, "intakeHourlyLimit")}
                data-testid="source-limit"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }} pt="lg">
              <Switch
                label={t("sources.field.active")}
                description={t("sources.field.activeHint")}
                checked={values.active}
                onChange={(e) => set({ active: e.currentTarget.checked })}
                data-testid="source-active"
              />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="source-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
