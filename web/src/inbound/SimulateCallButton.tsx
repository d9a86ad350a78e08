import { useTranslation } from "react-i18next";
import { ActionIcon, Button, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPhoneIncoming } from "@tabler/icons-react";
import { SimulateCallDialog } from "./SimulateCallDialog";

/** In the header for the head and admin: ring the conveyor as a client would. */
export function SimulateCallButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="light" size="xs" leftSection={<IconPhoneIncoming size={16} />} onClick={open} visibleFrom="sm" data-testid="simulate-call">
        {t("inbound.simulate.open")}
      </Button>
      <Tooltip label={t("inbound.simulate.open")}>
        <ActionIcon variant="light" size="lg" onClick={open} hiddenFrom="sm" aria-label={t("inbound.simulate.open")}>
          <IconPhoneIncoming size={18} />
        </ActionIcon>
      </Tooltip>
      <SimulateCallDialog opened={opened} onClose={close} />
    </>
  );
}
