import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconBuildingSkyscraper, IconCircleCheck, IconDownload, IconFileImport, IconPlayerPlay } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { CountsGrid } from "./CountsGrid";
import { formatCount, formatDuration, percent } from "./format";
import { errorReportUrl, useImportState, useImportsChanged, useResumeImport } from "./queries";
import { ReasonList } from "./ReasonList";
import { StatusBadge } from "./StatusBadge";

/** Step 5: the run's progress, polled every second, then its final counts, the error report, or a resume for a failed run. */
export function RunStep({ id, onAnother }: { id: number; onAnother(): void }) {
  const { t } = useTranslation();
  const state = useImportState(id);
  const resume = useResumeImport();
  const changed = useImportsChanged();
  const job = state.data?.import;
  const status = job?.status;

  // The history shows the outcome as soon as the run ends.
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current === "running" && status !== "running") changed();
    seen.current = status;
  }, [status, changed]);

  if (!job) {
    return state.error ? <ErrorAlert error={state.error} /> : <Loader size="sm" />;
  }
  const running = job.status === "running";
  const took = job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : null;
  const sourceId = job.options.sourceId ?? null;

  return (
    <Stack gap="md" data-testid="import-run-state" data-status={job.status}>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFileImport size={20} />
              <Text fw={600} truncate>
                {job.fileName}
              </Text>
            </Group>
            <StatusBadge status={job.status} />
          </Group>
          <Progress
            value={percent(job.progress)}
            size="xl"
            radius="sm"
            color={job.status === "failed" ? "red" : job.status === "done" ? "teal" : "blue"}
            striped={running}
            animated={running}
            aria-label={t("imports.run.progress")}
            data-testid="import-run-progress"
            data-value={percent(job.progress)}
          />
          <Text size="sm" c="dimmed" data-testid="import-run-line">
            {running
              ? t("imports.run.runningHint", { percent: percent(job.progress), line: formatCount(job.lastLine) })
              : t("imports.run.lastLine", { line: formatCount(job.lastLine), read: formatCount(job.counts.read) })}
          </Text>
        </Stack>
      </Paper>

      <CountsGrid counts={job.counts} tense="done" testId="import-run-counts" />

      {job.status === "done" ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t("imports.run.doneTitle")} data-testid="import-done">
          {took !== null ? t("imports.run.took", { duration: formatDuration(took) }) : null}
        </Alert>
      ) : null}
      {job.status === "failed" ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t("imports.run.failedTitle")} data-testid="import-failed">
          <Stack gap={4}>
            {job.error ? (
              <Text size="sm" ff="monospace">
                {job.error}
              </Text>
            ) : null}
            <Text size="sm">{t("imports.run.failedHint", { line: formatCount(job.lastLine) })}</Text>
          </Stack>
        </Alert>
      ) : null}
      <ErrorAlert error={resume.error} />

      {state.data && state.data.rejectReasons.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Text fw={600}>{t("imports.run.rejectReasons")}</Text>
            <ReasonList reasons={state.data.rejectReasons} kind="reject" testId="import-run-reject-reasons" />
          </Stack>
        </Paper>
      ) : null}

      <Group justify="space-between">
        <Group gap="xs">
          {job.counts.rejected > 0 && !running ? (
            <Button component="a" href={errorReportUrl(job.id)} download variant="light" color="red" leftSection={<IconDownload size={16} />} data-testid="import-error-report">
              {t("imports.run.errorReport")}
            </Button>
          ) : null}
          {job.status === "done" ? (
            <Button component={Link} to={sourceId ? `/companies?sourceId=${sourceId}` : "/companies?stage=cold"} variant="default" leftSection={<IconBuildingSkyscraper size={16} />} data-testid="import-open-companies">
              {t("imports.run.openCompanies")}
            </Button>
          ) : null}
          {job.status === "failed" ? (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => resume.mutate(job.id)} loading={resume.isPending} data-testid="import-resume">
              {t("imports.run.resume")}
            </Button>
          ) : null}
        </Group>
        {!running ? (
          <Button variant="default" onClick={onAnother} data-testid="import-another">
            {t("imports.run.another")}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
