import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Badge, Group, Pagination, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import { readsExportLog } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { currentLanguage, LOCALES } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { paramText } from "./paramText";
import { LOG_PAGE_SIZE, useExportLog } from "./queries";
import type { ExportLogItem } from "./types";

const LISTS = ["companies", "accounts", "invoices", "caller_results", "commissions"] as const;

/** The head's exports log: who took which list out of the system, when, with which filters, how many rows. */
export function ExportLogPage() {
  const user = useUser();
  if (!readsExportLog(user)) return <Forbidden />;
  return <ExportLog />;
}

function ExportLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get("page") ?? 1) - 1 || 0);
  const what = params.get("what") ?? undefined;
  const log = useExportLog(page, what);
  const items = log.data?.items ?? [];
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));

  const change = (patch: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("exports.logTitle")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("exports.logSubtitle")}
          </Text>
        </Stack>
        <Select
          w={240}
          placeholder={t("exports.allLists")}
          aria-label={t("exports.columns.what")}
          data={LISTS.map((list) => ({ value: list, label: t(`exports.lists.${list}`) }))}
          value={what ?? null}
          onChange={(value) => change({ what: value ?? undefined, page: undefined })}
          clearable
          data-testid="exports-log-list"
        />
      </Group>

      <ErrorAlert error={log.error} />

      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="exports-log-table" style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th w={170}>{t("exports.columns.when")}</Table.Th>
                <Table.Th>{t("exports.columns.who")}</Table.Th>
                <Table.Th>{t("exports.columns.what")}</Table.Th>
                <Table.Th w={90}>{t("exports.columns.format")}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t("exports.columns.rows")}
                </Table.Th>
                <Table.Th>{t("exports.columns.filters")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <LogRow key={item.id} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={log.isPending} empty={items.length === 0 && !log.error} testId="exports-log-empty" icon={<IconFileExport size={22} />} title={t("exports.emptyTitle")}>
          {t("exports.emptyText")}
        </ListState>
      </Paper>

      {total > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="exports-log-range">
            {t("exports.range", { from: page * LOG_PAGE_SIZE + 1, to: page * LOG_PAGE_SIZE + items.length, total })}
          </Text>
          {pages > 1 ? <Pagination size="sm" total={pages} value={page + 1} onChange={(p) => change({ page: p > 1 ? String(p) : undefined })} /> : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function LogRow({ item }: { item: ExportLogItem }) {
  const { t } = useTranslation();
  const filters = paramText(t, item.params);
  return (
    <Table.Tr data-testid="exports-log-row" data-what={item.what}>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(item.createdAt)}</Table.Td>
      <Table.Td>
        <Text size="sm" lh={1.3}>
          {item.user.fullName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {t(`role.${item.user.role}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{t(`exports.lists.${item.what}`, { defaultValue: item.what })}</Text>
          {item.params.via === "cli" ? (
            <Badge size="xs" variant="light" color="gray" radius="sm">
              {t("exports.viaCli")}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={item.format === "xlsx" ? "green" : "blue"} radius="sm">
          {item.format.toUpperCase()}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        <Group gap={6} justify="flex-end" wrap="nowrap">
          {item.params.incomplete === true ? (
            <Badge size="xs" color="orange" variant="light" radius="sm" title={t("exports.incompleteHint")} data-testid="exports-log-incomplete">
              {t("exports.incomplete")}
            </Badge>
          ) : null}
          {new Intl.NumberFormat(LOCALES[currentLanguage()]).format(item.rowCount)}
        </Group>
      </Table.Td>
      <Table.Td c={filters ? undefined : "dimmed"}>{filters || t("exports.noFilters")}</Table.Td>
    </Table.Tr>
  );
}
