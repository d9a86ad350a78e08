import { useTranslation } from "react-i18next";
import { Badge, Group, Paper, Table, Text, UnstyledButton } from "@mantine/core";
import { ListState } from "../common/ListState";
import { addTotals, MoneyTotals } from "./MoneyTotals";
import type { CommissionSummary } from "./types";

/** Everyone's month: a row per person with totals per currency; a click opens the lines behind it. */
export function PeopleTable({ summary, pending, selected, onSelect }: { summary: CommissionSummary | undefined; pending: boolean; selected: number | null; onSelect(userId: number): void }) {
  const { t } = useTranslation();
  const items = summary?.items ?? [];
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="commission-people">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("commissions.person")}</Table.Th>
              <Table.Th>{t("commissions.tiers")}</Table.Th>
              <Table.Th ta="right">{t("commissions.lines")}</Table.Th>
              <Table.Th ta="right">{t("commissions.total")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const active = selected === item.user.id;
              return (
                <Table.Tr
                  key={item.user.id}
                  onClick={() => onSelect(item.user.id)}
                  style={{ cursor: "pointer" }}
                  bg={active ? "var(--mantine-color-blue-light)" : undefined}
                  data-testid={`commission-person-${item.user.id}`}
                  data-selected={active}
                >
                  <Table.Td>
                    {/* The row takes the click; the button makes it reachable from the keyboard. */}
                    <UnstyledButton aria-pressed={active}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {item.user.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`role.${item.user.role}`)}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.tiers.map((tier) => (
                        <Badge key={tier} variant="outline" color="gray" size="sm" radius="sm">
                          {t("tier.short", { tier })}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="commission-person-lines">
                    {item.lines}
                  </Table.Td>
                  <Table.Td>
                    <MoneyTotals totals={item.totals} testId="commission-person-total" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          {items.length > 0 ? (
            <Table.Tfoot bg="var(--mantine-color-gray-0)">
              <Table.Tr data-testid="commission-team-total">
                <Table.Td fw={700} colSpan={2}>
                  {t("commissions.teamTotal")}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={700}>
                  {items.reduce((n, i) => n + i.lines, 0)}
                </Table.Td>
                <Table.Td>
                  <MoneyTotals totals={addTotals(items.map((i) => i.totals))} bold />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
      <ListState pending={pending && !summary} empty={items.length === 0} testId="commission-people-empty">
        {t("commissions.nobodyEarned")}
      </ListState>
    </Paper>
  );
}
