import { useTranslation } from "react-i18next";
import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconArrowRight, IconBuildingPlus, IconPhoneIncoming, IconUserPlus } from "@tabler/icons-react";
import { ApiError } from "../api/client";
import type { Contact } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { useCompanyCard } from "../companies/queries";
import { StageBadge } from "../companies/StageBadge";
import { routingReasonLabel } from "./reasons";
import type { InboundCall } from "./useInboundCalls";

interface Props {
  call: InboundCall;
  /** How many more calls are waiting behind this one. */
  waiting: number;
  /** Null when the user may not add companies. */
  onCreateCompany: (() => void) | null;
  onOpenCompany(id: number): void;
  onClose(): void;
  onCloseAll(): void;
}

/** A ringing call pops up at once: who is calling, why it came to you, and the client's card essentials. */
export function InboundCallCard({ call, waiting, onCreateCompany, onOpenCompany, onClose, onCloseAll }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      closeOnClickOutside={false}
      centered
      size="lg"
      zIndex={300}
      data-testid="inbound-call"
      data-company-id={call.companyId ?? ""}
      title={
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" radius="xl" size="lg">
            <IconPhoneIncoming size={20} />
          </ThemeIcon>
          <Text fw={650}>{t("inbound.title")}</Text>
        </Group>
      }
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz={24} ff="monospace" data-testid="inbound-call-from">
            {call.from}
          </Title>
          <Text size="sm" c="dimmed" data-testid="inbound-call-reason" data-reason={call.reason}>
            {t("inbound.why", { reason: routingReasonLabel(t, call.reason) })}
          </Text>
        </Stack>

        {call.companyId === null ? (
          <Alert color="indigo" variant="light" icon={<IconUserPlus size={18} />} title={t("inbound.newCaller")} data-testid="inbound-call-new">
            {t("inbound.newCallerHint")}
          </Alert>
        ) : (
          <CallerCompany key={call.companyId} companyId={call.companyId} from={call.from} />
        )}

        <Group justify="space-between" gap="xs">
          {waiting > 0 ? (
            <Group gap="xs">
              <Badge color="orange" variant="light" radius="sm" data-testid="inbound-call-waiting">
                {t("inbound.waiting", { n: waiting })}
              </Badge>
              <Button variant="subtle" size="xs" onClick={onCloseAll} data-testid="inbound-call-close-all">
                {t("inbound.closeAll")}
              </Button>
            </Group>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose} data-testid="inbound-call-close">
              {t("inbound.close")}
            </Button>
            {call.companyId !== null ? (
              <Button rightSection={<IconArrowRight size={16} />} onClick={() => onOpenCompany(call.companyId!)} data-testid="inbound-call-open">
                {t("inbound.openCard")}
              </Button>
            ) : onCreateCompany ? (
              <Button leftSection={<IconBuildingPlus size={16} />} onClick={onCreateCompany} data-testid="inbound-call-create">
                {t("inbound.createCompany")}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The people most likely on the line first: a contact with the caller's number. */
const byCaller = (from: string) => (a: Contact, b: Contact) => Number(b.phones.includes(from)) - Number(a.phones.includes(from));

const SHOWN_CONTACTS = 4;

function CallerCompany({ companyId, from }: { companyId: number; from: string }) {
  const { t } = useTranslation();
  const card = useCompanyCard(companyId);
  if (card.isPending) {
    return (
      <Center py="md" aria-label={t("common.loading")}>
        <Loader size="sm" />
      </Center>
    );
  }
  if (card.isError) {
    // Routed as an inbound lead, a company nobody gave you yet stays closed to you.
    if (card.error instanceof ApiError && card.error.status === 403) {
      return (
        <Alert color="gray" variant="light" data-testid="inbound-call-card-closed">
          {t("inbound.cardClosed")}
        </Alert>
      );
    }
    return <ErrorAlert error={card.error} />;
  }
  const { company, contacts } = card.data;
  const people = [...contacts].sort(byCaller(from));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={650} size="lg" lh={1.3} style={{ overflowWrap: "anywhere" }} data-testid="inbound-call-company">
            {company.legalName}
          </Text>
          <StageBadge stage={company.stage} size="md" />
        </Group>
        <Text size="sm" data-testid="inbound-call-holder">
          <Text span c="dimmed" size="sm">
            {t("company.holder")}:{" "}
          </Text>
          {company.holder ? `${company.holder.fullName} · ${t(`role.${company.holder.role}`, { defaultValue: company.holder.role })}` : t("company.noHolder")}
        </Text>
        {people.length > 0 ? (
          <Stack gap={6}>
            {people.slice(0, SHOWN_CONTACTS).map((contact) => (
              <Group key={contact.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="inbound-call-contact">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {contact.fullName}
                  </Text>
                  {contact.position ? (
                    <Text size="xs" c="dimmed" truncate>
                      {contact.position}
                    </Text>
                  ) : null}
                  {contact.phones.includes(from) ? (
                    <Badge color="teal" variant="light" size="xs" radius="sm" data-testid="inbound-call-on-line">
                      {t("inbound.onTheLine")}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
                  {contact.phones.join(", ")}
                </Text>
              </Group>
            ))}
            {people.length > SHOWN_CONTACTS ? (
              <Text size="xs" c="dimmed">
                {t("inbound.moreContacts", { n: people.length - SHOWN_CONTACTS })}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("inbound.noContacts")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
