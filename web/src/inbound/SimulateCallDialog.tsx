import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconPhoneIncoming } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { useSimulateCall } from "./queries";
import { routingReasonLabel } from "./reasons";

/** The head tries the routing without a PBX: a number in any format, and where the call went. */
export function SimulateCallDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const simulate = useSimulateCall();
  const [from, setFrom] = useState("");

  const close = () => {
    simulate.reset();
    setFrom("");
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from.trim()) simulate.mutate(from.trim());
  };

  const route = simulate.data?.route;
  return (
    <Modal opened={opened} onClose={close} title={t("inbound.simulate.title")} centered data-testid="simulate-call-dialog">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("inbound.simulate.explain")}
          </Text>
          <TextInput
            label={t("inbound.simulate.from")}
            placeholder="+380 44 123 45 67"
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              if (simulate.data || simulate.error) simulate.reset();
            }}
            maxLength={40}
            required
            data-autofocus
            data-testid="simulate-call-from"
          />
          <ErrorAlert error={simulate.error} />
          {route ? (
            <Alert color="teal" variant="light" icon={<IconPhoneIncoming size={18} />} title={t("inbound.simulate.routedTo", { name: route.fullName })} data-testid="simulate-call-result" data-user-id={route.userId} data-reason={route.reason}>
              <Stack gap={4}>
                <Text size="sm">
                  {t(`role.${route.role}`, { defaultValue: route.role })} · {routingReasonLabel(t, route.reason)}
                </Text>
                {route.companyId !== null ? (
                  <Anchor component={Link} to={`/companies/${route.companyId}`} size="sm" onClick={close} data-testid="simulate-call-company">
                    {t("inbound.openCard")}
                  </Anchor>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("inbound.close")}
            </Button>
            <Button type="submit" leftSection={<IconPhoneIncoming size={16} />} loading={simulate.isPending} disabled={!from.trim()} data-testid="simulate-call-submit">
              {t("inbound.simulate.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
