import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { Anchor, Box, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconBuildingSkyscraper, IconChevronLeft, IconChevronRight, IconPlus } from "@tabler/icons-react";
import type { Company } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { browsesWholeBase, mayCreateCompany, mayExportList } from "../auth/permissions";
import { ExportMenu } from "../exports/ExportMenu";
import { useUser } from "../auth/session";
import { formatDateTime, formatShort } from "../i18n/format";
import { CompanyCreate } from "./CompanyCreate";
import { CompanyListFilter, type FilterKey } from "./CompanyListFilter";
import { LegalId } from "./LegalId";
import { PAGE_SIZE, useCompanies, useFacets, type CompanyFilter } from "./queries";
import { StageBadge } from "./StageBadge";
import { useFilterSources } from "../sources/queries";

const FILTER_KEYS: ReadonlyArray<FilterKey | "q"> = ["q", "stage", "industry", "region", "sourceId", "size"];

function readFilter(params: URLSearchParams): CompanyFilter {
  const filter: CompanyFilter = { page: Math.max(0, Number(params.get("page") ?? 1) - 1 || 0) };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

export function CompanyList() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  // The export takes every company the filters select, not the page on screen.
  const { page: _page, ...exportFilters } = filter;
  const wholeBase = browsesWholeBase(user);
  const companies = useCompanies(filter);
  const facets = useFacets(wholeBase);
  const sources = useFilterSources(user);
  const [creating, setCreating] = useState(false);

  const changeFilter = useCallback(
    (patch: Partial<Record<FilterKey | "q", string | undefined>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          next.delete("page");
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const goToPage = (page: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (page > 0) next.set("page", String(page + 1));
      else next.delete("page");
      return next;
    });

  const items = companies.data?.items ?? [];
  const from = filter.page * PAGE_SIZE + 1;
  const to = filter.page * PAGE_SIZE + items.length;

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {wholeBase ? t("companies.title") : t("companies.myTitle")}
          </Title>
          <Text c="dimmed" size="sm">
            {wholeBase ? t("companies.subtitle") : t("companies.mySubtitle")}
          </Text>
        </Stack>
        <Group gap="xs">
          {mayExportList(user, "companies") ? <ExportMenu path="/api/companies/export" filters={exportFilters} testId="companies-export" /> : null}
          {mayCreateCompany(user) ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="company-create-open">
              {t("companies.new")}
            </Button>
          ) : null}
        </Group>
      </Group>

      <CompanyListFilter filter={filter} onChange={changeFilter} facets={facets.data} sources={sources} items={items} />

      {companies.error ? <ErrorAlert error={companies.error} /> : null}

      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="company-table" style={{ opacity: companies.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th miw={240}>{t("company.legalName")}</Table.Th>
                <Table.Th w={170}>{t("company.legalId")}</Table.Th>
                <Table.Th w={110}>{t("company.stage")}</Table.Th>
                <Table.Th>{t("company.industry")}</Table.Th>
                <Table.Th>{t("company.region")}</Table.Th>
                {wholeBase ? <Table.Th>{t("company.holder")}</Table.Th> : <Table.Th>{t("company.term")}</Table.Th>}
                <Table.Th w={100} ta="right">
                  {t("company.updated")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((company) => (
                <CompanyRow key={company.id} company={company} showHolder={wholeBase} onOpen={() => navigate(`/companies/${company.id}`)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {companies.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : items.length === 0 && !companies.error ? (
          <Center py={48} data-testid="company-list-empty">
            <Stack align="center" gap={6}>
              <IconBuildingSkyscraper size={32} color="var(--mantine-color-gray-5)" stroke={1.4} />
              <Text fw={500}>{filter.q || filter.stage || filter.industry || filter.region || filter.sourceId || filter.size ? t("companies.emptyFiltered") : t("companies.empty")}</Text>
              <Text size="sm" c="dimmed">
                {wholeBase ? t("companies.emptyHint") : t("companies.myEmptyHint")}
              </Text>
            </Stack>
          </Center>
        ) : null}
      </Paper>

      {items.length > 0 || filter.page > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="company-range">
            {items.length > 0 ? t("companies.range", { from, to }) : ""}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={filter.page === 0} onClick={() => goToPage(filter.page - 1)} data-testid="page-prev">
              {t("common.previous")}
            </Button>
            <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!companies.data?.hasMore} onClick={() => goToPage(filter.page + 1)} data-testid="page-next">
              {t("common.next")}
            </Button>
          </Group>
        </Group>
      ) : null}

      <CompanyCreate opened={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/companies/${id}`)} />
    </Stack>
  );
}

function CompanyRow({ company, showHolder, onOpen }: { company: Company; showHolder: boolean; onOpen(): void }) {
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: "pointer" }} data-testid="company-row" data-company-id={company.id}>
      <Table.Td>
        <Anchor component={Link} to={`/companies/${company.id}`} fw={600} c="dark" onClick={(e) => e.stopPropagation()} size="sm">
          {company.legalName}
        </Anchor>
        {company.groupName ? (
          <Text size="xs" c="dimmed">
            {company.groupName}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <LegalId company={company} />
      </Table.Td>
      <Table.Td>
        <StageBadge stage={company.stage} />
      </Table.Td>
      <Table.Td>{company.industry ?? <Dash />}</Table.Td>
      <Table.Td>{company.region ?? <Dash />}</Table.Td>
      {showHolder ? (
        <HolderCell company={company} />
      ) : (
        <Table.Td>
          <Term until={company.holder?.termUntil ?? null} />
        </Table.Td>
      )}
      <Table.Td ta="right" c="dimmed" title={formatDateTime(company.updatedAt)} style={{ whiteSpace: "nowrap" }}>
        {formatShort(company.updatedAt)}
      </Table.Td>
    </Table.Tr>
  );
}

/** A tier worker's own deadline: when the head reviews whether they keep the company. */
function Term({ until }: { until: string | null }) {
  const { t } = useTranslation();
  if (!until) {
    return (
      <Text size="sm" c="dimmed">
        {t("company.noTerm")}
      </Text>
    );
  }
  const overdue = new Date(until).getTime() < Date.now();
  return (
    <Text size="sm" c={overdue ? "red" : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: "nowrap" }} title={formatDateTime(until)}>
      {formatShort(until)}
    </Text>
  );
}

function HolderCell({ company }: { company: Company }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      {company.holder ? (
        <Box>
          <Text size="sm" lh={1.3}>
            {company.holder.fullName}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {t("tier.short", { tier: company.holder.tier })}
          </Text>
        </Box>
      ) : (
        <Text size="sm" c="dimmed">
          {t("company.noHolder")}
        </Text>
      )}
    </Table.Td>
  );
}

const Dash = () => (
  <Text span c="gray.5">
    —
  </Text>
);
