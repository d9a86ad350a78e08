import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Timeline as MantineTimeline, Title } from "@mantine/core";
import {
  IconFileImport,
  IconAlertTriangle,
  IconArchive,
  IconArrowRight,
  IconCalendarPlus,
  IconCircleCheck,
  IconClipboardList,
  IconClockPause,
  IconClockPlay,
  IconBriefcase,
  IconBuildingPlus,
  IconCalendarEvent,
  IconCalendarPause,
  IconCash,
  IconFileInvoice,
  IconFileX,
  IconHeartHandshake,
  IconReceipt,
  IconRepeat,
  IconThumbDown,
  IconTrophy,
  IconUserCheck,
  IconEdit,
  IconHistory,
  IconMail,
  IconNote,
  IconPhoneCall,
  IconStairsUp,
  IconUserEdit,
  IconUserPlus,
  IconUserShare,
} from "@tabler/icons-react";
import type { Activity, ReportStatus } from "../api/types";
import { STAGES, type Stage } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { dealStageLabel } from "../deals/stages";
import { formatDateTime, formatDay, formatMoney } from "../i18n/format";
import { isCallOutcome } from "./outcomes";
import { REPORT_STATUS_COLORS } from "../rotation/ReportStatusBadge";
import { useTimeline } from "./queries";
import { StageBadge } from "./StageBadge";

const KINDS: Record<string, { icon: typeof IconNote; color: string }> = {
  company_created: { icon: IconBuildingPlus, color: "gray" },
  company_updated: { icon: IconEdit, color: "gray" },
  contact_added: { icon: IconUserPlus, color: "gray" },
  contact_updated: { icon: IconUserEdit, color: "gray" },
  note: { icon: IconNote, color: "yellow" },
  call: { icon: IconPhoneCall, color: "blue" },
  meeting: { icon: IconCalendarEvent, color: "grape" },
  email: { icon: IconMail, color: "cyan" },
  holder_assigned: { icon: IconUserShare, color: "indigo" },
  handed_over: { icon: IconStairsUp, color: "teal" },
  stage_changed: { icon: IconStairsUp, color: "teal" },
  deal_opened: { icon: IconBriefcase, color: "violet" },
  deal_stage_changed: { icon: IconBriefcase, color: "violet" },
  proposal_sent: { icon: IconFileInvoice, color: "violet" },
  deal_postponed: { icon: IconCalendarPause, color: "orange" },
  deal_lost: { icon: IconThumbDown, color: "red" },
  deal_won: { icon: IconTrophy, color: "teal" },
  order_created: { icon: IconReceipt, color: "teal" },
  invoice_issued: { icon: IconFileInvoice, color: "blue" },
  invoice_paid: { icon: IconCash, color: "teal" },
  invoice_cancelled: { icon: IconFileX, color: "red" },
  handover_accepted: { icon: IconUserCheck, color: "grape" },
  promise_resolved: { icon: IconHeartHandshake, color: "grape" },
  rotation_listed: { icon: IconAlertTriangle, color: "orange" },
  rotation_unlisted: { icon: IconCircleCheck, color: "teal" },
  rotation_extended: { icon: IconCalendarPlus, color: "blue" },
  rotation_transferred: { icon: IconUserShare, color: "indigo" },
  rotation_rested: { icon: IconClockPause, color: "gray" },
  rotation_archived: { icon: IconArchive, color: "red" },
  rest_ended: { icon: IconClockPlay, color: "teal" },
  weekly_report: { icon: IconClipboardList, color: "cyan" },
  lead_reposted: { icon: IconRepeat, color: "orange" },
  imported: { icon: IconFileImport, color: "gray" },
};

/** An order from a won deal is the first one; the account manager's later orders are repeat orders. */
const kindLabel = (entry: Activity) => (entry.kind === "order_created" && !entry.data.dealId ? "order_repeat" : entry.kind);

/** The entry's title; a lead posted again through a source's intake is named in the sources' strings. */
const entryTitle = (t: TFunction, entry: Activity) =>
  entry.kind === "lead_reposted" ? t("sources.timeline.reposted") : t(`timeline.kind.${kindLabel(entry)}`, { defaultValue: entry.kind });

const isStage = (value: unknown): value is Stage => typeof value === "string" && (STAGES as readonly string[]).includes(value);
const str = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

function displayValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (field === "size") return t(`size.${String(value)}`, { defaultValue: String(value) });
  if (field === "legalIdKind") return t(`legalIdKind.${String(value)}`, { defaultValue: String(value) });
  if (field === "stage") return t(`stage.${String(value)}`, { defaultValue: String(value) });
  return String(value);
}

function StageMove({ from, to }: { from: unknown; to: unknown }) {
  if (!isStage(from) || !isStage(to)) return null;
  return (
    <Group gap={6}>
      <StageBadge stage={from} size="xs" />
      <IconArrowRight size={12} color="var(--mantine-color-dimmed)" />
      <StageBadge stage={to} size="xs" />
    </Group>
  );
}

function EntryBody({ entry }: { entry: Activity }) {
  const { t } = useTranslation();
  const data = entry.data;
  const parts: ReactNode[] = [];
  switch (entry.kind) {
    case "company_created":
      if (isStage(data.stage)) parts.push(<Text key="s" size="sm" c="dimmed">{t("timeline.createdAt", { stage: t(`stage.${data.stage}`) })}</Text>);
      if (str(data.source)) {
        parts.push(
          <Text key="src" size="sm" c="dimmed" data-testid="timeline-source">
            {data.via === "intake" ? t("sources.timeline.postedVia", { source: str(data.source) }) : t("sources.timeline.from", { source: str(data.source) })}
          </Text>,
        );
      }
      break;
    case "lead_reposted": {
      const contact = [str(data.contactName), str(data.phone), str(data.email)].filter(Boolean).join(" · ");
      parts.push(
        <Text key="r" size="sm">
          {t("sources.timeline.repostedVia", { source: str(data.source) || "—", by: t(`sources.timeline.matchedBy.${str(data.matchedBy)}`, { defaultValue: str(data.matchedBy) }) })}
        </Text>,
      );
      if (contact) parts.push(<Text key="c" size="sm" c="dimmed">{contact}</Text>);
      break;
    }
    case "company_updated": {
      const changes = (data.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      parts.push(
        <Stack key="c" gap={2}>
          {Object.entries(changes).map(([field, change]) => (
            <Text key={field} size="sm">
              <Text span c="dimmed" size="sm">
                {t(`fields.${field}`, { defaultValue: field })}:
              </Text>{" "}
              <Text span td="line-through" c="dimmed" size="sm">
                {displayValue(t, field, change?.from)}
              </Text>{" "}
              → {displayValue(t, field, change?.to)}
            </Text>
          ))}
        </Stack>,
      );
      break;
    }
    case "contact_added":
    case "contact_updated": {
      const phones = Array.isArray(data.phones) ? (data.phones as string[]) : [];
      parts.push(
        <Text key="n" size="sm">
          {entry.text}
          {phones.length ? <Text span c="dimmed" size="sm">{` · ${phones.join(", ")}`}</Text> : null}
        </Text>,
      );
      break;
    }
    case "holder_assigned": {
      const name = str(data.toName) || (data.userId === entry.actor?.id ? entry.actor?.fullName : "");
      parts.push(
        <Text key="h" size="sm">
          {t("timeline.holderNow", { name: name || "—", tier: str(data.tier) })}
        </Text>,
      );
      break;
    }
    case "handed_over": {
      parts.push(
        <Group key="m" gap="xs">
          <StageMove from={data.fromStage} to={data.toStage} />
          <Text size="sm">{t("timeline.handedTo", { name: str(data.toName) || "—" })}</Text>
          {data.escalated ? (
            <Badge size="sm" variant="light" color="grape" radius="sm">
              {t("timeline.escalated")}
            </Badge>
          ) : null}
        </Group>,
      );
      // What the caller learnt, for the manager who picks the lead up (tier 1 hand-over).
      const q = (data.qualification ?? null) as Record<string, unknown> | null;
      const facts = [
        ["need", q?.need],
        ["timing", q?.timing],
        ["budget", q?.budget],
        ["decisionMaker", q?.decisionMaker],
        ["appointmentAt", typeof data.appointmentAt === "string" ? formatDateTime(data.appointmentAt) : null],
      ].filter((f): f is [string, string] => typeof f[1] === "string" && f[1] !== "");
      if (facts.length) {
        parts.push(
          <Stack key="q" gap={2} data-testid="handover-qualification">
            {facts.map(([field, value]) => (
              <Text key={field} size="sm">
                <Text span c="dimmed" size="sm">
                  {t(`calling.outcome.${field}`)}:
                </Text>{" "}
                {value}
              </Text>
            ))}
          </Stack>,
        );
      }
      break;
    }
    case "stage_changed":
      parts.push(<StageMove key="m" from={data.fromStage ?? data.from} to={data.toStage ?? data.to} />);
      break;
    case "deal_opened":
    case "deal_stage_changed": {
      const to = str(data.to ?? data.stage);
      parts.push(
        <Text key="d" size="sm">
          {data.from ? `${dealStageLabel(t, str(data.from))} → ` : ""}
          {to ? dealStageLabel(t, to) : ""}
        </Text>,
      );
      break;
    }
    case "proposal_sent":
    case "deal_won":
    case "order_created": {
      const amount = typeof data.amountMinor === "number" ? data.amountMinor : typeof data.totalMinor === "number" ? data.totalMinor : null;
      if (amount !== null) parts.push(<Text key="a" size="sm" fw={600} ff="monospace">{formatMoney(amount, str(data.currency))}</Text>);
      if (typeof data.documentUrl === "string" && data.documentUrl) {
        parts.push(<Anchor key="u" href={data.documentUrl} target="_blank" rel="noreferrer" size="sm">{t("deal.document")}</Anchor>);
      }
      break;
    }
    case "deal_postponed":
      parts.push(
        <Text key="p" size="sm">
          {t("timeline.postponedUntil", { date: formatDay(str(data.until)), reason: t(`deal.postponeReason.${str(data.category)}`, { defaultValue: str(data.category) }) })}
        </Text>,
      );
      break;
    case "rotation_listed":
    case "rotation_unlisted":
      if (data.reason === "term_expired" || data.reason === "inactive") {
        parts.push(
          <Badge key="r" size="sm" variant="light" color={entry.kind === "rotation_listed" ? "orange" : "gray"} radius="sm" w="fit-content">
            {t(`rotation.reason.${data.reason}`)}
          </Badge>,
        );
      }
      break;
    case "rotation_extended":
      parts.push(
        <Text key="e" size="sm">
          {t("timeline.postponedUntil", { date: formatDay(str(data.until)), reason: t(`deal.postponeReason.${str(data.category)}`, { defaultValue: str(data.category) }) })}
        </Text>,
      );
      break;
    case "rotation_transferred":
      parts.push(
        <Text key="t" size="sm">
          {t("timeline.rotatedTo", { name: str(data.toName) || "—" })}
        </Text>,
      );
      break;
    case "rotation_rested":
      parts.push(
        <Text key="r" size="sm">
          {str(data.nextHolderName)
            ? t("timeline.restUntilThen", { date: formatDay(str(data.until)), name: str(data.nextHolderName) })
            : t("timeline.restUntil", { date: formatDay(str(data.until)) })}
        </Text>,
      );
      break;
    case "imported":
      parts.push(
        <Text key="i" size="sm">
          {t(data.action === "merged" ? "timeline.importMerged" : "timeline.importCreated", { file: str(data.file) || (entry.text ?? ""), lines: Array.isArray(data.lines) ? data.lines.join(", ") : "" })}
        </Text>,
      );
      break;
    case "rest_ended":
      parts.push(
        <Text key="r" size="sm">
          {str(data.toName) ? t("timeline.restEndedTo", { name: str(data.toName) }) : t("timeline.restEndedNobody")}
        </Text>,
      );
      break;
    case "weekly_report":
      parts.push(
        <Group key="w" gap="xs">
          {typeof data.status === "string" ? (
            <Badge size="sm" variant="light" color={REPORT_STATUS_COLORS[data.status as ReportStatus] ?? "gray"} radius="sm">
              {t(`weeklyReports.status.${data.status}`, { defaultValue: data.status })}
            </Badge>
          ) : null}
          <Text size="sm" c="dimmed">
            {t("timeline.reportWeek", { date: formatDay(str(data.week)) })}
            {data.nextStepOn ? ` · ${t("timeline.nextStepOn", { date: formatDay(str(data.nextStepOn)) })}` : ""}
          </Text>
        </Group>,
      );
      break;
    case "promise_resolved":
      if (data.status === "kept" || data.status === "broken") {
        parts.push(
          <Badge key="s" size="sm" variant="light" color={data.status === "kept" ? "teal" : "red"} radius="sm" w="fit-content">
            {t(`promise.status.${data.status}`)}
          </Badge>,
        );
      }
      break;
    default:
      break;
  }
  // A decision taken before the client was on the head's list: recalled early, from a weekly report.
  if (["rotation_transferred", "rotation_rested", "rotation_archived"].includes(entry.kind) && data.recall === true) {
    parts.push(
      <Badge key="recall" size="sm" variant="light" color="grape" radius="sm" w="fit-content">
        {t("timeline.recalled")}
      </Badge>,
    );
  }
  const showsText = !["contact_added", "contact_updated", "imported"].includes(entry.kind) && entry.text;
  return (
    <Stack gap={4} mt={2}>
      {entry.kind === "call" && data.outcome ? (
        <Badge variant="outline" color="blue" size="sm" radius="sm" w="fit-content">
          {isCallOutcome(data.outcome) ? t(`activity.outcomes.${data.outcome}`) : str(data.outcome)}
        </Badge>
      ) : null}
      {parts}
      {showsText ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {entry.text}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The company's append-only history, newest first; older pages load on demand. */
export function Timeline({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const timeline = useTimeline(companyId);
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder radius="md" p="md" data-testid="timeline">
      <Group gap="xs" mb="md">
        <IconHistory size={18} color="var(--mantine-color-dimmed)" />
        <Title order={4} fz="md">
          {t("timeline.title")}
        </Title>
      </Group>
      {timeline.error ? <ErrorAlert error={timeline.error} /> : null}
      {timeline.isPending ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("timeline.empty")}
        </Text>
      ) : (
        <MantineTimeline bulletSize={26} lineWidth={2}>
          {entries.map((entry) => {
            const kind = KINDS[entry.kind] ?? { icon: IconNote, color: "gray" };
            const Icon = kind.icon;
            return (
              <MantineTimeline.Item
                key={entry.id}
                bullet={
                  <ThemeIcon size={26} radius="xl" color={kind.color} variant="light">
                    <Icon size={14} />
                  </ThemeIcon>
                }
                data-testid="timeline-entry"
                data-kind={entry.kind}
              >
                <Group gap={8} wrap="wrap" align="baseline">
                  <Text size="sm" fw={600}>
                    {entryTitle(t, entry)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {entry.actor?.fullName ?? t("timeline.system")} · {formatDateTime(entry.occurredAt)}
                  </Text>
                </Group>
                <EntryBody entry={entry} />
              </MantineTimeline.Item>
            );
          })}
        </MantineTimeline>
      )}
      {timeline.hasNextPage ? (
        <Center mt="md">
          <Button variant="subtle" size="xs" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} data-testid="timeline-more">
            {t("timeline.loadMore")}
          </Button>
        </Center>
      ) : null}
    </Paper>
  );
}
