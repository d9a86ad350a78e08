import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useQueryClient } from "@tanstack/react-query";
import { Anchor, Badge, Button, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, ThemeIcon, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconClipboardCheck, IconSend } from "@tabler/icons-react";
import { ApiError } from "../api/client";
import { REPORT_STATUSES, type ReportLineInput, type ReportStatus, type WeeklyReport } from "../api/types";
import { writesWeeklyReport } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatDateTime, formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { useMyReport, useSaveReport } from "./queries";
import { REPORT_STATUS_COLORS } from "./ReportStatusBadge";
import { thisMonday, WeekPicker } from "./WeekPicker";

type Client = WeeklyReport["clients"][number];

interface Draft {
  status: ReportStatus;
  nextStep: string;
  nextStepOn: string;
  note: string;
}

const draftFrom = (client: Client): Draft => ({
  status: client.line?.status ?? client.suggestedStatus,
  nextStep: client.line?.nextStep ?? "",
  nextStepOn: client.line?.nextStepOn ?? "",
  note: client.line?.note ?? "",
});

const isDay = (value: string | null): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/** A salesperson's weekly report: every client held that week, its status, the next step and its date. */
export function MyReportPage() {
  const user = useUser();
  if (!writesWeeklyReport(user)) return <Forbidden />;
  return <MyReport />;
}

function MyReport() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("week");
  const week = isDay(asked) ? asked : null;
  const report = useMyReport(week);
  const queryClient = useQueryClient();
  // This week as the server counts it (its answer for "no week given"), else by the browser's clock.
  const current = queryClient.getQueryData<{ report: WeeklyReport }>(["weekly-reports", "mine", null])?.report.week ?? thisMonday();
  const shown = report.data?.week ?? week ?? current;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("weeklyReports.myTitle")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("weeklyReports.mySubtitle")}
          </Text>
        </Stack>
        <WeekPicker value={shown} current={current} onChange={(w) => setParams(w === current ? {} : { week: w }, { replace: true })} />
      </Group>
      {report.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : report.error ? (
        <ErrorAlert error={report.error} />
      ) : (
        <ReportForm key={report.data.week} report={report.data} />
      )}
    </Stack>
  );
}

function ReportForm({ report }: { report: WeeklyReport }) {
  const { t } = useTranslation();
  const save = useSaveReport();
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const draftOf = (client: Client) => drafts[client.company.id] ?? draftFrom(client);
  const change = (client: Client, patch: Partial<Draft>) => setDrafts((current) => ({ ...current, [client.company.id]: { ...(current[client.company.id] ?? draftFrom(client)), ...patch } }));

  const error = save.error;
  const missing = error instanceof ApiError && error.code === "report_incomplete" && Array.isArray(error.details?.missing) ? (error.details.missing as number[]) : [];
  const filled = report.clients.filter((c) => draftOf(c).nextStep.trim()).length;

  const send = (submit: boolean) => {
    const lines: ReportLineInput[] = report.clients
      .map((c) => ({ client: c, draft: draftOf(c) }))
      .filter(({ draft }) => draft.nextStep.trim())
      .map(({ client, draft }) => ({
        companyId: client.company.id,
        status: draft.status,
        nextStep: draft.nextStep.trim(),
        ...(draft.nextStepOn ? { nextStepOn: draft.nextStepOn } : {}),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      }));
    save.mutate(
      { week: report.week, lines, submit },
      {
        onSuccess: ({ report: saved }) => {
          // What the server kept replaces the drafts of the clients it has lines for.
          setDrafts((current) => {
            const next = { ...current };
            for (const c of saved.clients) if (c.line) next[c.company.id] = draftFrom(c);
            return next;
          });
          notifications.show({ color: "teal", message: submit ? t("weeklyReports.submitted") : t("weeklyReports.draftSaved") });
        },
      },
    );
  };

  if (report.clients.length === 0) {
    return (
      <Center py={60}>
        <Stack align="center" gap={6} data-testid="report-empty">
          <ThemeIcon size={44} radius="xl" variant="light" color="gray">
            <IconClipboardCheck size={22} />
          </ThemeIcon>
          <Text fw={600}>{t("weeklyReports.emptyTitle")}</Text>
          <Text c="dimmed" size="sm">
            {t("weeklyReports.emptyText")}
          </Text>
        </Stack>
      </Center>
    );
  }

  const actions = (
    <Group gap="xs">
      <Button variant="default" onClick={() => send(false)} loading={save.isPending && save.variables?.submit === false} disabled={save.isPending} data-testid="report-save">
        {t("weeklyReports.saveDraft")}
      </Button>
      <Button leftSection={<IconSend size={16} />} onClick={() => send(true)} loading={save.isPending && save.variables?.submit === true} disabled={save.isPending} data-testid="report-submit">
        {report.submittedAt ? t("weeklyReports.resubmit") : t("weeklyReports.submit")}
      </Button>
    </Group>
  );

  return (
    <Stack gap="md" data-testid="report-form" data-week={report.week}>
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            {report.submittedAt ? (
              <Badge color="teal" variant="light" radius="sm" data-testid="report-state" data-state="submitted">
                {t("weeklyReports.submittedAt", { date: formatDateTime(report.submittedAt) })}
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm" data-testid="report-state" data-state="draft">
                {t("weeklyReports.notSubmitted")}
              </Badge>
            )}
            <Text size="sm" c="dimmed" data-testid="report-progress">
              {t("weeklyReports.progress", { filled, total: report.clients.length })}
            </Text>
          </Group>
          {actions}
        </Group>
      </Paper>
      <ErrorAlert error={error} />
      {missing.length > 0 ? (
        <Text size="sm" c="red.7" data-testid="report-missing">
          {t("weeklyReports.missingList", {
            names: report.clients
              .filter((c) => missing.includes(c.company.id))
              .map((c) => c.company.legalName)
              .join(", "),
          })}
        </Text>
      ) : null}
      {report.clients.map((client) => {
        const draft = draftOf(client);
        const isMissing = missing.includes(client.company.id) && !draft.nextStep.trim();
        return (
          <ClientCard key={client.company.id} client={client} draft={draft} missing={isMissing} onChange={(patch) => change(client, patch)} />
        );
      })}
      <Group justify="flex-end">{actions}</Group>
    </Stack>
  );
}

function ClientCard({ client, draft, missing, onChange }: { client: Client; draft: Draft; missing: boolean; onChange(patch: Partial<Draft>): void }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={missing ? { borderColor: "var(--mantine-color-red-6)", background: "var(--mantine-color-red-0)" } : undefined}
      data-testid={`report-client-${client.company.id}`}
      data-missing={missing ? "true" : "false"}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Anchor component={Link} to={`/companies/${client.company.id}`} fw={700} c="dark" data-testid="report-company">
              {client.company.legalName}
            </Anchor>
            <Badge variant="light" color="gray" radius="sm" size="sm">
              {t("tier.short", { tier: client.tier })}
            </Badge>
            {!client.heldNow ? (
              <Badge variant="light" color="orange" radius="sm" size="sm" data-testid="report-not-held">
                {t("weeklyReports.notHeldNow")}
              </Badge>
            ) : null}
          </Group>
          {missing ? (
            <Text size="sm" c="red.7" fw={600}>
              {t("weeklyReports.lineMissing")}
            </Text>
          ) : null}
        </Group>
        <Stack gap={2} data-testid="report-activities">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t("weeklyReports.thisWeeksWork")}
          </Text>
          {client.activities.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("weeklyReports.noActivity")}
            </Text>
          ) : (
            client.activities.map((a, i) => (
              <Text key={`${a.occurredAt}-${i}`} size="sm" data-testid="report-activity">
                <Text span size="sm" c="dimmed">
                  {formatShort(a.occurredAt)} · {t(`timeline.kind.${a.kind}`, { defaultValue: a.kind })}
                </Text>
                {a.text ? ` — ${a.text}` : ""}
              </Text>
            ))
          )}
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t("weeklyReports.statusLabel")}
            data={REPORT_STATUSES.map((s) => ({ value: s, label: t(`weeklyReports.status.${s}`) }))}
            value={draft.status}
            onChange={(v) => v && onChange({ status: v as ReportStatus })}
            allowDeselect={false}
            styles={{ input: { color: `var(--mantine-color-${REPORT_STATUS_COLORS[draft.status]}-8)`, fontWeight: 600 } }}
            data-testid="report-status"
          />
          <TextInput
            label={t("weeklyReports.nextStep")}
            value={draft.nextStep}
            onChange={(e) => onChange({ nextStep: e.currentTarget.value })}
            maxLength={1000}
            required
            error={missing ? t("weeklyReports.nextStepRequired") : undefined}
            data-testid="report-next-step"
          />
          <TextInput type="date" label={t("weeklyReports.nextStepOn")} value={draft.nextStepOn} onChange={(e) => onChange({ nextStepOn: e.currentTarget.value })} data-testid="report-next-step-on" />
        </SimpleGrid>
        <Textarea label={t("weeklyReports.note")} value={draft.note} onChange={(e) => onChange({ note: e.currentTarget.value })} autosize minRows={1} maxLength={2000} data-testid="report-note" />
      </Stack>
    </Paper>
  );
}
