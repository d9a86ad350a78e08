import { useTranslation } from "react-i18next";
import { ActionIcon, Drawer, Indicator, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBell } from "@tabler/icons-react";
import { steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import { AlertList } from "./AlertList";
import { useAlerts } from "./queries";
import { useAlertEvents } from "./useAlertEvents";

/**
 * The header's bell: how many source alerts are live, for the head, admins and the owners of
 * alerted sources; opens a drawer with the list. Refreshes when an alert is raised (the
 * server's event stream) and every few minutes.
 */
export function AlertBell() {
  const { t } = useTranslation();
  const user = useUser();
  const alerts = useAlerts("live");
  const [opened, { open, close }] = useDisclosure();
  useAlertEvents();
  const count = alerts.data?.length ?? 0;
  if (!steersConveyor(user) && count === 0) return null;
  return (
    <>
      <Tooltip label={t("alerts.bell", { n: count })}>
        <Indicator label={count} size={16} disabled={count === 0} color="red" offset={4} data-testid="alert-bell-count" data-count={count}>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={open} aria-label={t("alerts.bell", { n: count })} data-testid="alert-bell">
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      <Drawer opened={opened} onClose={close} position="right" size="lg" title={<Text fw={650}>{t("alerts.title")}</Text>} data-testid="alert-drawer">
        <AlertList testId="alert-drawer-list" />
      </Drawer>
    </>
  );
}
