import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Anchor, Badge, Box, Button, Center, Group, Loader, Paper, Stack, Stepper, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBriefcase, IconCalendarPause, IconFileInvoice, IconThumbDown, IconTrophy } from "@tabler/icons-react";
import type { Company, Deal } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatDate, formatDay, formatMoney } from "../i18n/format";
import { useTeamSettings } from "../settings/queries";
import { LoseDialog } from "./LoseDialog";
import { PostponeDialog } from "./PostponeDialog";
import { ProposalDialog } from "./ProposalDialog";
import { useDeals, useMoveDeal, useOpenDeal } from "./queries";
import { dealStageLabel, todayIso } from "./stages";
import { WinDialog } from "./WinDialog";

type Dialog = "proposal" | "postpone" | "lose" | "win" | null;

/** Tier 2 on the company card: the open deal with its stages, proposals, and the ways it ends. */
export function DealPanel({ company, canWork }: { company: Company; canWork: boolean }) {
  const { t } = useTranslation();
  const deals = useDeals(company.id);
  const open = useOpenDeal(company.id);
  const current = (deals.data ?? []).find((d) => d.closedAt === null) ?? null;
  const closed = (deals.data ?? []).filter((d) => d.closedAt !== null);

  return (
    <Paper withBorder radius="md" p="md" data-testid="deal-panel">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs">
          <IconBriefcase size={18} color="var(--mantine-color-dimmed)" />
          <Title order={4} fz="md">
            {t("deal.title")}
          </Title>
        </Group>
        {!current && canWork && company.stage === "lead" ? (
          <Button
            size="xs"
            leftSection={<IconBriefcase size={14} />}
            loading={open.isPending}
            onClick={() => open.mutate({}, { onSuccess: () => notifications.show({ color: "teal", message: t("deal.opened") }) })}
            data-testid="deal-open"
          >
            {t("deal.open")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={deals.error ?? open.error} />
      {deals.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : current ? (
        <OpenDeal deal={current} company={company} canWork={canWork} />
      ) : closed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {company.stage === "lead" ? t("deal.none") : t("deal.noneClosed")}
        </Text>
      ) : null}
      {closed.length > 0 ? (
        <Stack gap="xs" mt={current ? "md" : 0}>
          {closed.map((d) => (
            <ClosedDeal key={d.id} deal={d} />
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

function OpenDeal({ deal, company, canWork }: { deal: Deal; company: Company; canWork: boolean }) {
  const { t } = useTranslation();
  const settings = useTeamSettings();
  const move = useMoveDeal(company.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const stages = settings.data?.dealStages ?? [];
  // A stage the team has since removed is still shown where the deal stands.
  const steps = stages.includes(deal.stage) ? stages : [...stages, deal.stage];
  const active = steps.indexOf(deal.stage);
  const postponed = deal.postponedUntil !== null && deal.postponedUntil > todayIso();

  return (
    <Stack gap="md" data-testid="deal-open-panel" data-deal-id={deal.id} data-stage={deal.stage}>
      <Group gap="lg" align="flex-start" wrap="wrap">
        <Fact label={t("deal.amount")} value={deal.amountMinor !== null ? formatMoney(deal.amountMinor, deal.currency) : "—"} testId="deal-amount" strong />
        <Fact label={t("deal.openedAt")} value={formatDate(deal.openedAt)} />
        <Fact label={t("deal.proposals")} value={String(deal.proposals.length)} />
        {postponed ? (
          <Box data-testid="deal-postponed">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              {t("deal.postponedUntil")}
            </Text>
            <Group gap={6}>
              <Badge color="orange" variant="light" radius="sm">
                {formatDay(deal.postponedUntil)}
              </Badge>
              <Text size="sm">{deal.postponeCategory ? t(`deal.postponeReason.${deal.postponeCategory}`, { defaultValue: deal.postponeCategory }) : ""}</Text>
            </Group>
            {deal.postponeNote ? (
              <Text size="xs" c="dimmed" mt={2}>
                {deal.postponeNote}
              </Text>
            ) : null}
          </Box>
        ) : null}
      </Group>

      <Box style={{ overflowX: "auto" }} pb={4}>
        <Stepper
          active={active}
          size="xs"
          iconSize={26}
          allowNextStepsSelect={canWork}
          onStepClick={(index) => {
            const stage = steps[index];
            if (!canWork || !stage || stage === deal.stage || move.isPending) return;
            move.mutate({ dealId: deal.id, stage });
          }}
          data-testid="deal-stepper"
        >
          {steps.map((code) => (
            <Stepper.Step key={code} label={dealStageLabel(t, code)} allowStepSelect={canWork && code !== deal.stage} data-testid="deal-stage-step" data-stage={code} />
          ))}
        </Stepper>
      </Box>
      <ErrorAlert error={move.error ?? settings.error} />

      {canWork ? (
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="default" leftSection={<IconFileInvoice size={14} />} onClick={() => setDialog("proposal")} data-testid="deal-action-proposal">
            {t("deal.recordProposal")}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconCalendarPause size={14} />} onClick={() => setDialog("postpone")} data-testid="deal-action-postpone">
            {t("deal.postpone")}
          </Button>
          <Button size="xs" variant="default" color="red" leftSection={<IconThumbDown size={14} />} onClick={() => setDialog("lose")} data-testid="deal-action-lose">
            {t("deal.lose")}
          </Button>
          <Button size="xs" color="teal" leftSection={<IconTrophy size={14} />} onClick={() => setDialog("win")} data-testid="deal-action-win">
            {t("deal.win")}
          </Button>
        </Group>
      ) : null}

      <ProposalTable deal={deal} />

      {dialog === "proposal" ? <ProposalDialog deal={deal} opened onClose={() => setDialog(null)} /> : null}
      {dialog === "postpone" ? <PostponeDialog deal={deal} maxDays={settings.data?.maxPostponeDays} opened onClose={() => setDialog(null)} /> : null}
      {dialog === "lose" ? <LoseDialog deal={deal} opened onClose={() => setDialog(null)} /> : null}
      {dialog === "win" ? <WinDialog deal={deal} opened onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}

function ProposalTable({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  if (deal.proposals.length === 0) return null;
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {t("deal.proposalHistory")}
      </Text>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" data-testid="deal-proposals">
        <Table.Tbody>
          {[...deal.proposals].reverse().map((p) => (
            <Table.Tr key={p.id} data-testid="deal-proposal">
              <Table.Td w={120} c="dimmed">
                {formatDay(p.sentOn)}
              </Table.Td>
              <Table.Td w={160} ff="monospace" fw={600} ta="right">
                {formatMoney(p.amountMinor, p.currency)}
              </Table.Td>
              <Table.Td>
                {p.documentUrl ? (
                  <Anchor href={p.documentUrl} target="_blank" rel="noreferrer" size="sm" mr="xs">
                    {t("deal.document")}
                  </Anchor>
                ) : null}
                <Text span size="sm" c="dimmed">
                  {p.note}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function ClosedDeal({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const won = deal.stage === "won";
  return (
    <Paper withBorder radius="sm" p="xs" bg={won ? "var(--mantine-color-teal-0)" : "var(--mantine-color-gray-0)"} data-testid="deal-closed" data-stage={deal.stage}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Badge color={won ? "teal" : "red"} variant="light" radius="sm">
            {dealStageLabel(t, deal.stage)}
          </Badge>
          <Text size="sm" fw={600} ff="monospace">
            {deal.amountMinor !== null ? formatMoney(deal.amountMinor, deal.currency) : ""}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {formatDate(deal.openedAt)} – {formatDate(deal.closedAt)}
        </Text>
      </Group>
      {deal.lostReason ? (
        <Text size="sm" mt={4}>
          {deal.lostReason}
        </Text>
      ) : null}
      <ProposalTable deal={deal} />
    </Paper>
  );
}

function Fact({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {label}
      </Text>
      <Text size={strong ? "md" : "sm"} fw={strong ? 700 : 500} ff={strong ? "monospace" : undefined} data-testid={testId}>
        {value}
      </Text>
    </Box>
  );
}
