import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, CloseButton, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { COMPANY_SIZES, STAGES, type Company, type Facets } from "../api/types";
import type { CompanyFilter } from "./queries";

export type FilterKey = "stage" | "industry" | "region" | "sourceId" | "size";

interface Props {
  filter: CompanyFilter;
  onChange(patch: Partial<Record<FilterKey | "q", string | undefined>>): void;
  /** The whole base's values (head, admin, back office); tier workers pick from what they hold. */
  facets: Facets | undefined;
  /** Sources to filter by (the whole base's); without them, the sources of the companies listed. */
  sources: { id: number; name: string }[] | undefined;
  items: Company[];
}

const distinct = (values: Array<string | null>, selected?: string) =>
  [...new Set([...values.filter((v): v is string => Boolean(v)), ...(selected ? [selected] : [])])].sort((a, b) => a.localeCompare(b));

/** One search box (name, tax id or phone) and the filters; all of it lives in the URL. */
export function CompanyListFilter({ filter, onChange, facets, sources, items }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.q ?? "");
  const [debounced] = useDebouncedValue(text, 300);

  // The last query this box put into the URL: a different one came from elsewhere (back button, reset).
  const pushed = useRef(filter.q ?? "");

  useEffect(() => {
    const q = debounced.trim();
    if (q === pushed.current) return;
    pushed.current = q;
    onChange({ q: q || undefined });
  }, [debounced, onChange]);

  useEffect(() => {
    const q = filter.q ?? "";
    if (q === pushed.current) return;
    pushed.current = q;
    setText(q);
  }, [filter.q]);

  const options = (key: "industry" | "region", facet: keyof Facets) =>
    facets ? distinct(facets[facet], filter[key]) : distinct(items.map((c) => c[key]), filter[key]);

  const sourceOptions = () => {
    const known = new Map<string, string>((sources ?? []).map((s) => [String(s.id), s.name]));
    for (const c of sources ? [] : items) if (c.sourceId !== null) known.set(String(c.sourceId), c.source ?? `#${c.sourceId}`);
    if (filter.sourceId && !known.has(filter.sourceId)) known.set(filter.sourceId, `#${filter.sourceId}`);
    return [...known].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  };

  const select = (key: FilterKey, placeholder: string, data: Array<string | { value: string; label: string }>, width = 136) => (
    <Select
      key={key}
      placeholder={placeholder}
      data={data}
      value={filter[key] ?? null}
      onChange={(value) => onChange({ [key]: value ?? undefined })}
      clearable
      searchable={data.length > 8}
      size="sm"
      w={width}
      comboboxProps={{ withinPortal: true }}
      nothingFoundMessage={t("common.nothingFound")}
      aria-label={placeholder}
      data-testid={`filter-${key}`}
    />
  );

  const hasFilters = Boolean(filter.q || filter.stage || filter.industry || filter.region || filter.sourceId || filter.size);

  return (
    <Group gap="xs" wrap="wrap" align="center">
      <TextInput
        placeholder={t("companies.searchPlaceholder")}
        leftSection={<IconSearch size={16} />}
        rightSection={text ? <CloseButton size="sm" onClick={() => setText("")} aria-label={t("common.clear")} /> : null}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={{ base: "100%", sm: 264 }}
        size="sm"
        data-testid="company-search"
        aria-label={t("companies.searchLabel")}
      />
      {select("stage", t("companies.filter.stage"), STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })))}
      {select("industry", t("companies.filter.industry"), options("industry", "industries"))}
      {select("region", t("companies.filter.region"), options("region", "regions"))}
      {select("sourceId", t("companies.filter.source"), sourceOptions(), 180)}
      {select("size", t("companies.filter.size"), COMPANY_SIZES.map((s) => ({ value: s, label: t(`size.${s}`) })))}
      {hasFilters ? (
        <Button
          variant="subtle"
          color="gray"
          size="sm"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            pushed.current = "";
            setText("");
            onChange({ q: undefined, stage: undefined, industry: undefined, region: undefined, sourceId: undefined, size: undefined });
          }}
          data-testid="filter-reset"
        >
          {t("companies.filter.reset")}
        </Button>
      ) : null}
    </Group>
  );
}
