import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Badge, Button, Center, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUserCheck } from "@tabler/icons-react";
import { acceptsCustomers, steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { ListState } from "../common/ListState";
import { useAcceptCustomer, usePendingHandOvers, usePromises } from "../conversion/queries";
import { formatDay, formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { PROMISE_STATUS_COLORS } from "./PromiseList";

/** The account manager's inbox: new customers handed over by sales managers, and the promises still open. */
export function HandOversPage() {
  const user = useUser();
  if (!acceptsCustomers(user) && !steersConveyor(user)) return <Forbidden />;
  return <HandOvers />;
}

function HandOvers() {
  const { t } = useTranslation();
  const user = useUser();
  const pending = usePendingHandOvers();
  const open = usePromises({ status: "open" });
  const accept = useAcceptCustomer();
  const mine = acceptsCustomers(user);
  const items = pending.data ?? [];
  const promises = open.data ?? [];

  return (
    <Stack gap="md" maw={1300}>
      <Stack gap={2}>
        <Title order={2} fz={24}>
          {t("handovers.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {mine ? t("handovers.subtitle") : t("handovers.subtitleHead")}
        </Text>
      </Stack>
      <ErrorAlert error={pending.error ?? accept.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="handovers-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("handovers.company")}</Table.Th>
                <Table.Th>{t("handovers.from")}</Table.Th>
                <Table.Th>{t("handovers.when")}</Table.Th>
                <Table.Th>{t("handovers.promises")}</Table.Th>
                {!mine ? <Table.Th>{t("handovers.to")}</Table.Th> : null}
                <Table.Th w={120} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((h) => (
                <Table.Tr key={h.company.id} data-testid="handover-row" data-company-id={h.company.id}>
                  <Table.Td fw={600}>
                    <Anchor component={Link} to={`/companies/${h.company.id}`} size="sm" fw={600} data-testid="handover-company">
                      {h.company.legalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{h.fromManager?.fullName ?? "—"}</Table.Td>
                  <Table.Td c="dimmed">{formatShort(h.handedOverAt)}</Table.Td>
                  <Table.Td>
                    {h.promises.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {h.promises.map((p) => (
                          <Text key={p.id} size="xs">
                            <Text span c="dimmed" size="xs">
                              {t(`promise.kinds.${p.kind}`, { defaultValue: p.kind })}:
                            </Text>{" "}
                            {p.text}
                            {p.dueOn ? <Text span c="dimmed" size="xs">{` · ${formatDay(p.dueOn)}`}</Text> : null}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {!mine ? <Table.Td>{h.company.holder?.fullName ?? "—"}</Table.Td> : null}
                  <Table.Td>
                    {mine && h.company.holder?.userId === user.id ? (
                      <Button
                        size="compact-sm"
                        color="grape"
                        leftSection={<IconUserCheck size={14} />}
                        loading={accept.isPending && accept.variables === h.company.id}
                        onClick={() => accept.mutate(h.company.id, { onSuccess: () => notifications.show({ color: "teal", message: t("handovers.accepted") }) })}
                        data-testid="handover-accept"
                      >
                        {t("handovers.accept")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListState pending={pending.isPending} empty={items.length === 0} testId="handovers-empty">
          {t("handovers.empty")}
        </ListState>
      </Paper>

      <Stack gap={2} mt="sm">
        <Title order={3} fz={18}>
          {t("handovers.openPromises")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("handovers.openPromisesHint")}
        </Text>
      </Stack>
      <ErrorAlert error={open.error} />
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" data-testid="open-promises">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>{t("promise.dueOn")}</Table.Th>
                <Table.Th>{t("handovers.company")}</Table.Th>
                <Table.Th>{t("promise.kind")}</Table.Th>
                <Table.Th>{t("promise.text")}</Table.Th>
                <Table.Th>{t("promise.madeByColumn")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {promises.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td c={p.dueOn && p.dueOn < new Date().toISOString().slice(0, 10) ? "red" : undefined} fw={500}>
                    {p.dueOn ? formatDay(p.dueOn) : "—"}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/companies/${p.companyId}`} size="sm">
                      {p.legalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={PROMISE_STATUS_COLORS[p.status]} radius="sm">
                      {t(`promise.kinds.${p.kind}`, { defaultValue: p.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.text}</Table.Td>
                  <Table.Td c="dimmed">{p.madeBy.fullName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!open.isPending && promises.length === 0 ? (
          <Center py="md">
            <Text c="dimmed" size="sm">
              {t("promise.noneOpen")}
            </Text>
          </Center>
        ) : null}
      </Paper>
    </Stack>
  );
}
