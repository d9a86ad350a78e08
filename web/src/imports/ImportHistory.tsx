import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconDownload, IconEye, IconFileImport, IconPlayerPlay } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatDateTime } from "../i18n/format";
import { useTeamDirectory } from "../team/queries";
import { formatBytes, formatCount, percent } from "./format";
import { errorReportUrl, useImports, useResumeImport } from "./queries";
import { StatusBadge } from "./StatusBadge";
import type { ImportJob } from "./types";

/** Past imports, newest first: the file, who brought it in and when, how it ended, its error report; a failed one resumes from here. */
export function ImportHistory({ onFollow }: { onFollow(id: number): void }) {
  const { t } = useTranslation();
  const imports = useImports();
  const team = useTeamDirectory();
  const resume = useResumeImport();
  const names = new Map((team.data ?? []).map((u) => [u.id, u.fullName]));
  const items = imports.data ?? [];

  return (
    <Stack gap="xs">
      <Title order={3} fz="lg">
        {t("imports.history.title")}
      </Title>
      <ErrorAlert error={imports.error ?? resume.error} />
      <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
        <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" data-testid="import-history">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("imports.history.file")}</Table.Th>
              <Table.Th>{t("imports.history.who")}</Table.Th>
              <Table.Th>{t("imports.history.when")}</Table.Th>
              <Table.Th>{t("imports.history.status")}</Table.Th>
              <Table.Th>{t("imports.history.counts")}</Table.Th>
              <Table.Th w={96} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((job) => (
              <Table.Tr key={job.id} data-testid="import-history-row" data-import-id={job.id} data-status={job.status}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {job.fileName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {job.format.toUpperCase()} · {formatBytes(job.fileSize)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{job.createdBy === null ? <Text span c="dimmed">{t("imports.history.commandLine")}</Text> : (names.get(job.createdBy) ?? `#${job.createdBy}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(job.startedAt ?? job.createdAt)}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <StatusBadge status={job.status} />
                    {job.status === "running" ? <Progress value={percent(job.progress)} size="sm" w={96} striped animated /> : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <HistoryCounts job={job} />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    {job.status === "running" || job.status === "done" || job.status === "failed" ? (
                      <Tooltip label={t("imports.history.show")}>
                        <ActionIcon variant="subtle" color="gray" onClick={() => onFollow(job.id)} aria-label={t("imports.history.show")} data-testid="import-history-show">
                          <IconEye size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                    {job.status === "failed" ? (
                      <Tooltip label={t("imports.run.resume")}>
                        <ActionIcon
                          variant="subtle"
                          color="blue"
                          loading={resume.isPending && resume.variables === job.id}
                          onClick={() => resume.mutate(job.id, { onSuccess: () => onFollow(job.id) })}
                          aria-label={t("imports.run.resume")}
                          data-testid="import-history-resume"
                        >
                          <IconPlayerPlay size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                    {job.counts.rejected > 0 && job.status !== "running" ? (
                      <Tooltip label={t("imports.run.errorReport")}>
                        <ActionIcon component="a" href={errorReportUrl(job.id)} download variant="subtle" color="red" aria-label={t("imports.run.errorReport")} data-testid="import-history-report">
                          <IconDownload size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ListState pending={imports.isPending} empty={!imports.error && items.length === 0} icon={<IconFileImport size={22} />} title={t("imports.history.empty")}>
          {t("imports.history.emptyHint")}
        </ListState>
      </Paper>
    </Stack>
  );
}

/** A run's counts (a dry run's, marked as planned, when the file was only tried). */
function HistoryCounts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const planned = job.status === "dry_run" && job.dryRun ? job.dryRun.counts : null;
  const counts = planned ?? job.counts;
  if (job.status === "uploaded" || (!planned && counts.read === 0)) return <Text span c="dimmed">—</Text>;
  const parts = (["created", "merged", "skipped", "rejected"] as const).filter((k) => counts[k] > 0);
  return (
    <Group gap={4} wrap="wrap" data-testid="import-history-counts">
      {planned ? (
        <Text span size="xs" c="dimmed" mr={2}>
          {t("imports.history.planned")}
        </Text>
      ) : null}
      {parts.map((k) => (
        <Tooltip key={k} label={t(`imports.counts.${planned ? "plan" : "done"}.${k}`)}>
          <Badge size="sm" variant="light" radius="sm" color={k === "created" ? "teal" : k === "merged" ? "blue" : k === "rejected" ? "red" : "gray"} data-kind={k}>
            {formatCount(counts[k])}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
