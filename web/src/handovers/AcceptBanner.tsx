import { useTranslation } from "react-i18next";
import { Alert, Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconHandStop, IconUserCheck } from "@tabler/icons-react";
import type { Company } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { useAcceptCustomer, usePendingHandOvers } from "../conversion/queries";
import { formatDateTime } from "../i18n/format";

/** On a customer just handed over: who handed it, when, and the Accept button for the account manager holding it. */
export function AcceptBanner({ company }: { company: Company }) {
  const { t } = useTranslation();
  const pending = usePendingHandOvers();
  const accept = useAcceptCustomer();
  const item = (pending.data ?? []).find((p) => p.company.id === company.id);
  if (!item) return null;
  return (
    <Alert color="grape" variant="light" icon={<IconHandStop size={18} />} title={t("handovers.waitingTitle")} data-testid="accept-banner">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm">
          {t("handovers.waitingText", { name: item.fromManager?.fullName ?? "—", date: formatDateTime(item.handedOverAt), count: item.promises.length })}
        </Text>
        <Button
          color="grape"
          size="xs"
          leftSection={<IconUserCheck size={14} />}
          loading={accept.isPending}
          onClick={() => accept.mutate(company.id, { onSuccess: () => notifications.show({ color: "teal", message: t("handovers.accepted") }) })}
          data-testid="accept-customer"
        >
          {t("handovers.accept")}
        </Button>
      </Group>
      <ErrorAlert error={accept.error} />
    </Alert>
  );
}
