import { useTranslation } from "react-i18next";
import { Autocomplete, Grid, Select, TextInput } from "@mantine/core";
import { COMPANY_SIZES, LEGAL_ID_KINDS, type Company, type CompanyInput, type CompanySize, type Facets, type LegalIdKind } from "../api/types";
import { problemFor, type FieldProblem } from "../api/errors";
import type { SourceOption } from "../sources/types";

/** What the company form holds: text as typed; "" means not set. */
export interface CompanyValues {
  legalName: string;
  legalId: string;
  legalIdKind: LegalIdKind | "";
  groupName: string;
  industry: string;
  size: CompanySize | "";
  region: string;
  /** The lead source's id as text (a Select's value); "" means none. */
  sourceId: string;
}

export const emptyCompany: CompanyValues = { legalName: "", legalId: "", legalIdKind: "", groupName: "", industry: "", size: "", region: "", sourceId: "" };

export const companyValuesOf = (c: Company): CompanyValues => ({
  legalName: c.legalName,
  legalId: c.legalId ?? "",
  legalIdKind: c.legalIdKind ?? "",
  groupName: c.groupName ?? "",
  industry: c.industry ?? "",
  size: c.size ?? "",
  region: c.region ?? "",
  sourceId: c.sourceId === null ? "" : String(c.sourceId),
});

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

export function companyInputOf(v: CompanyValues): CompanyInput {
  return {
    legalName: v.legalName.trim(),
    legalId: orNull(v.legalId),
    legalIdKind: v.legalId.trim() && v.legalIdKind ? v.legalIdKind : null,
    groupName: orNull(v.groupName),
    industry: orNull(v.industry),
    size: v.size || null,
    region: orNull(v.region),
    sourceId: v.sourceId ? Number(v.sourceId) : null,
  };
}

interface Props {
  values: CompanyValues;
  onChange(patch: Partial<CompanyValues>): void;
  problems: FieldProblem[];
  facets?: Facets;
  /** Active sources to pick from; the company's own source stays listed even when switched off. */
  sources?: SourceOption[];
  /** The company's current source, when editing. */
  currentSource?: { id: number; name: string } | null;
}

export function CompanyFields({ values, onChange, problems, facets, sources, currentSource }: Props) {
  const { t } = useTranslation();
  const sourceData = (sources ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  if (currentSource && !sourceData.some((o) => o.value === String(currentSource.id))) sourceData.push({ value: String(currentSource.id), label: currentSource.name });
  const text = (field: "industry" | "region", data: string[] | undefined) => (
    <Autocomplete
      label={t(`company.${field}`)}
      value={values[field]}
      onChange={(value) => onChange({ [field]: value })}
      data={data ?? []}
      error={problemFor(problems, field)}
      maxLength={100}
      data-testid={`company-${field}`}
    />
  );
  return (
    <Grid gap="sm">
      <Grid.Col span={12}>
        <TextInput
          label={t("company.legalName")}
          placeholder={t("company.legalNamePlaceholder")}
          value={values.legalName}
          onChange={(e) => onChange({ legalName: e.currentTarget.value })}
          error={problemFor(problems, "legalName")}
          required
          maxLength={300}
          data-autofocus
          data-testid="company-legal-name"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <TextInput
          label={t("company.legalId")}
          description={t("company.legalIdHint")}
          value={values.legalId}
          onChange={(e) => onChange({ legalId: e.currentTarget.value })}
          error={problemFor(problems, "legalId") ?? problemFor(problems, "legalIdKind")}
          inputMode="numeric"
          maxLength={20}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          data-testid="company-legal-id"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Select
          label={t("company.legalIdKind")}
          description={t("company.legalIdKindHint")}
          value={values.legalIdKind || null}
          onChange={(value) => onChange({ legalIdKind: (value ?? "") as LegalIdKind | "" })}
          data={LEGAL_ID_KINDS.map((k) => ({ value: k, label: t(`legalIdKind.${k}`) }))}
          placeholder={t("company.legalIdKindAuto")}
          clearable
          data-testid="company-legal-id-kind"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <TextInput
          label={t("company.groupName")}
          description={t("company.groupNameHint")}
          value={values.groupName}
          onChange={(e) => onChange({ groupName: e.currentTarget.value })}
          error={problemFor(problems, "groupName")}
          maxLength={200}
          data-testid="company-group"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Select
          label={t("company.size")}
          description={t("company.sizeHint")}
          value={values.size || null}
          onChange={(value) => onChange({ size: (value ?? "") as CompanySize | "" })}
          data={COMPANY_SIZES.map((s) => ({ value: s, label: t(`size.${s}`) }))}
          clearable
          data-testid="company-size"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>{text("industry", facets?.industries)}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>{text("region", facets?.regions)}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("company.source")}
          value={values.sourceId || null}
          onChange={(value) => onChange({ sourceId: value ?? "" })}
          data={sourceData}
          error={problemFor(problems, "sourceId")}
          placeholder={t("sources.field.none")}
          searchable={sourceData.length > 8}
          clearable
          nothingFoundMessage={t("common.nothingFound")}
          data-testid="company-source"
        />
      </Grid.Col>
    </Grid>
  );
}
