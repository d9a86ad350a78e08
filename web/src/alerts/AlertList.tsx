import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconMailbox, IconTrendingDown } from "@tabler/icons-react";
import { steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import type { User } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { formatDateTime } from "../i18n/format";
import { alertSentence } from "./alertText";
import { DismissAlertDialog } from "./DismissAlertDialog";
import { useAcknowledgeAlert, useAlerts } from "./queries";
import type { SourceAlert } from "./types";

/** Mirrors src/server/access/alerts.ts: the head or the source's owner acknowledges; only the head dismisses. */
const mayAcknowledge = (user: User, alert: SourceAlert) => steersConveyor(user) || alert.source?.owner?.id === user.id;
const mayDismiss = (user: User) => steersConveyor(user);

/**
 * The live source alerts the signed-in user may see (the head: all; an owner: their sources'),
 * each as a readable sentence with acknowledge and dismiss per the role.
 */
export function AlertList({ testId = "open-alerts", sourceId }: { testId?: string; sourceId?: number }) {
  const { t } = useTranslation();
  const alerts = useAlerts("live", sourceId);
  const [dismissing, setDismissing] = useState<SourceAlert | null>(null);
  const items = alerts.data ?? [];
  return (
    <Stack gap="xs" data-testid={testId}>
      <ErrorAlert error={alerts.error} />
      {items.map((alert) => (
        <AlertItem key={alert.id} alert={alert} onDismiss={() => setDismissing(alert)} />
      ))}
      <ListState pending={alerts.isPending} empty={!alerts.error && items.length === 0} icon={<IconCheck size={22} />} iconColor="teal" title={t("alerts.none")} py="md" testId={`${testId}-empty`}>
        {t("alerts.noneHint")}
      </ListState>
      <DismissAlertDialog alert={dismissing} onClose={() => setDismissing(null)} />
    </Stack>
  );
}

function AlertItem({ alert, onDismiss }: { alert: SourceAlert; onDismiss(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const acknowledge = useAcknowledgeAlert();
  const spam = alert.kind === "source_spam";
  const Icon = spam ? (alert.metric === "intake_rejects" ? IconMailbox : IconAlertTriangle) : IconTrendingDown;
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`alert-${alert.source?.id ?? "none"}-${alert.metric}`} data-alert-id={alert.id}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon variant="light" color={spam ? "orange" : "red"} radius="xl" size={32}>
          <Icon size={18} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} data-testid="alert-sentence">
            {alertSentence(t, alert)}
          </Text>
          <Group gap={6} wrap="wrap">
            <Badge variant="light" color={spam ? "orange" : "red"} radius="sm">
              {t(`alerts.metric.${alert.metric}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t("alerts.raisedAt", { at: formatDateTime(alert.raisedAt) })}
              {alert.source?.owner ? ` · ${t("alerts.owner", { name: alert.source.owner.fullName })}` : ""}
            </Text>
            {alert.acknowledged ? (
              <Text size="xs" c="teal" data-testid="alert-acknowledged">
                {t("alerts.acknowledgedBy", { name: alert.acknowledged.by?.fullName ?? "—", at: formatDateTime(alert.acknowledged.at) })}
              </Text>
            ) : null}
          </Group>
          <ErrorAlert error={acknowledge.error} />
        </Stack>
        <Group gap={6} wrap="nowrap">
          {!alert.acknowledged && mayAcknowledge(user, alert) ? (
            <Button size="xs" variant="light" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(alert.id)} data-testid="alert-acknowledge">
              {t("alerts.acknowledge")}
            </Button>
          ) : null}
          {mayDismiss(user) ? (
            <Button size="xs" variant="subtle" color="gray" onClick={onDismiss} data-testid="alert-dismiss">
              {t("alerts.dismiss")}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
