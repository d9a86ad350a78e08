import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconInbox } from "@tabler/icons-react";
import { errorMessage } from "../api/errors";
import { ApiError } from "../api/client";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatDateTime } from "../i18n/format";
import { OUTCOME_COLORS } from "./kinds";
import { useIntakes } from "./queries";
import { INTAKE_OUTCOMES, type IntakeOutcome, type IntakeRow } from "./types";

const str = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/** What was posted, in one line: the name and how to reach them (hidden when the viewer may not see the client). */
const postedSummary = (row: IntakeRow) => [str(row.payload.legalName), str(row.payload.phone), str(row.payload.email)].filter(Boolean).join(" · ");

/** The source's recent posts, newest first, by outcome: what the partner or form actually sends. */
export function IntakeLog({ sourceId }: { sourceId: number }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<IntakeOutcome | "all">("all");
  const [page, setPage] = useState(1);
  const log = useIntakes(sourceId, outcome === "all" ? null : outcome, page);
  const items = log.data?.items ?? [];

  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }} data-testid="intake-log">
      <Group justify="space-between" p="md" pb="sm" wrap="wrap">
        <Title order={4} fz="md">
          {t("sources.log.title")}
        </Title>
        <SegmentedControl
          size="xs"
          value={outcome}
          onChange={(value) => {
            setOutcome(value as IntakeOutcome | "all");
            setPage(1);
          }}
          data={[{ value: "all", label: t("sources.log.all") }, ...INTAKE_OUTCOMES.map((o) => ({ value: o, label: t(`sources.outcome.${o}`) }))]}
          data-testid="intake-log-filter"
        />
      </Group>
      <ErrorAlert error={log.error} />
      <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" data-testid="intake-log-table">
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th w={170}>{t("sources.log.receivedAt")}</Table.Th>
            <Table.Th w={150}>{t("sources.log.outcome")}</Table.Th>
            <Table.Th>{t("sources.log.posted")}</Table.Th>
            <Table.Th>{t("sources.log.company")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => (
            <Table.Tr key={row.id} data-testid="intake-row" data-outcome={row.outcome}>
              <Table.Td c="dimmed">{formatDateTime(row.receivedAt)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge size="sm" variant="light" color={OUTCOME_COLORS[row.outcome]} radius="sm" w="fit-content">
                    {t(`sources.outcome.${row.outcome}`)}
                  </Badge>
                  {row.errorCode && row.outcome !== "duplicate" && row.outcome !== "rate_limited" ? (
                    <Text size="xs" c="red">
                      {errorMessage(t, new ApiError(400, row.errorCode, row.errorCode))}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{postedSummary(row) || <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                {row.company ? (
                  <Group gap={6}>
                    {row.company.legalName ? (
                      <Anchor component={Link} to={`/companies/${row.company.id}`} size="sm">
                        {row.company.legalName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("sources.log.hiddenCompany")}
                      </Text>
                    )}
                    {row.company.waiting ? (
                      <Badge size="xs" color="orange" variant="light" radius="sm" data-testid="intake-waiting">
                        {t("sources.log.waiting")}
                      </Badge>
                    ) : null}
                  </Group>
                ) : (
                  <Text span c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ListState pending={log.isPending} empty={!log.error && items.length === 0} icon={<IconInbox size={22} />} title={t("sources.log.empty")} py="lg">
        {t("sources.log.emptyHint")}
      </ListState>
      {page > 1 || log.data?.hasMore ? (
        <Group justify="flex-end" p="sm" gap="xs">
          <Button size="xs" variant="default" leftSection={<IconChevronLeft size={14} />} disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t("common.previous")}
          </Button>
          <Button size="xs" variant="default" rightSection={<IconChevronRight size={14} />} disabled={!log.data?.hasMore} onClick={() => setPage((p) => p + 1)}>
            {t("common.next")}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
