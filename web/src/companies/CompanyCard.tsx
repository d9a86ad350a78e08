import { useTranslation } from "react-i18next";
import { Avatar, Badge, Box, Button, Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconEdit, IconNotes, IconStairsUp, IconUserShare } from "@tabler/icons-react";
import type { Company } from "../api/types";
import { formatDate } from "../i18n/format";
import { LegalId } from "./LegalId";
import { StageBadge } from "./StageBadge";

export interface CompanyActions {
  onEdit?: () => void;
  onHandOff?: () => void;
  onAssignHolder?: () => void;
  onLogActivity?: () => void;
}

/** The card's head: who the company is, where it is on the conveyor, who holds it, and what one may do. */
export function CompanyCard({ company, actions }: { company: Company; actions: CompanyActions }) {
  const { t } = useTranslation();
  const holder = company.holder;
  const overdue = holder?.termUntil ? new Date(holder.termUntil).getTime() < Date.now() : false;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="company-card">
      <Group justify="space-between" align="flex-start" gap="lg">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" align="center">
            <Title order={2} fz={22} data-testid="company-title" style={{ overflowWrap: "anywhere" }}>
              {company.legalName}
            </Title>
            <StageBadge stage={company.stage} size="md" />
            {company.doNotCall ? (
              <Badge color="red" variant="light" radius="sm" size="md" data-testid="do-not-call-badge">
                {t("company.doNotCall")}
              </Badge>
            ) : null}
          </Group>
          <Group gap="lg" c="dimmed">
            {company.legalId ? <LegalId company={company} /> : null}
            {company.groupName ? (
              <Text size="sm">
                {t("company.groupName")}: {company.groupName}
              </Text>
            ) : null}
          </Group>
        </Stack>
        <Group gap="xs">
          {actions.onLogActivity ? (
            <Button variant="default" size="sm" leftSection={<IconNotes size={16} />} onClick={actions.onLogActivity} data-testid="action-log-activity">
              {t("activity.log")}
            </Button>
          ) : null}
          {actions.onEdit ? (
            <Button variant="default" size="sm" leftSection={<IconEdit size={16} />} onClick={actions.onEdit} data-testid="action-edit">
              {t("common.edit")}
            </Button>
          ) : null}
          {actions.onAssignHolder ? (
            <Button variant="default" size="sm" leftSection={<IconUserShare size={16} />} onClick={actions.onAssignHolder} data-testid="action-assign-holder">
              {t("assignHolder.action")}
            </Button>
          ) : null}
          {actions.onHandOff ? (
            <Button size="sm" leftSection={<IconStairsUp size={16} />} onClick={actions.onHandOff} data-testid="action-hand-off">
              {t("handOff.action")}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Divider my="md" />
      <Group gap="lg" align="flex-start" data-testid="company-holder">
        <Box>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
            {t("company.holder")}
          </Text>
          {holder ? (
            <Group gap="xs" wrap="nowrap">
              <Avatar size={30} radius="xl" color="indigo" variant="light">
                {holder.fullName.slice(0, 1).toUpperCase()}
              </Avatar>
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {holder.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`role.${holder.role}`, { defaultValue: holder.role })} · {t("tier.short", { tier: holder.tier })}
                </Text>
              </Stack>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t("company.noHolder")}
            </Text>
          )}
        </Box>
        {holder ? (
          <Fact label={t("company.holderSince")} value={formatDate(holder.since)} />
        ) : null}
        {holder ? (
          <Fact
            label={t("company.term")}
            value={holder.termUntil ? formatDate(holder.termUntil) : t("company.noTerm")}
            color={overdue ? "red" : undefined}
          />
        ) : null}
        <Fact label={t("company.industry")} value={company.industry} />
        <Fact label={t("company.region")} value={company.region} />
        <Fact label={t("company.size")} value={company.size ? t(`size.${company.size}`) : null} />
        <Fact label={t("company.source")} value={company.source} />
        <Fact label={t("company.created")} value={formatDate(company.createdAt)} />
      </Group>
    </Paper>
  );
}

function Fact({ label, value, color }: { label: string; value: string | null; color?: string }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {label}
      </Text>
      <Text size="sm" c={value ? color : "gray.5"} fw={color ? 600 : undefined}>
        {value || "—"}
      </Text>
    </Box>
  );
}
