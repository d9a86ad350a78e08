import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Anchor, Paper, Table, Text } from "@mantine/core";
import { ListState } from "../common/ListState";
import { formatDay, formatMoney } from "../i18n/format";
import { KindBadge } from "./KindBadge";
import { MoneyTotals } from "./MoneyTotals";
import { monthStartLabel } from "./months";
import { lineRuleText } from "./ruleText";
import type { CommissionStatement } from "./types";

/** The lines behind a person's figure: each sale, the rule it was paid by, and what it earned. */
export function StatementLines({ statement, pending, linkCompanies }: { statement: CommissionStatement | undefined; pending: boolean; linkCompanies: boolean }) {
  const { t } = useTranslation();
  const lines = statement?.lines ?? [];
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing={7} horizontalSpacing="md" fz="sm" data-testid="commission-lines">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("commissions.saleDate")}</Table.Th>
              <Table.Th>{t("commissions.company")}</Table.Th>
              <Table.Th miw={190}>{t("commissions.for")}</Table.Th>
              <Table.Th ta="right">{t("commissions.order")}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: "nowrap" }}>
                {t("commissions.orderAmount")}
              </Table.Th>
              <Table.Th ta="right">{t("commissions.rule")}</Table.Th>
              <Table.Th ta="right">{t("commissions.commission")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={`${line.orderId}-${line.kind}`} data-testid="commission-line">
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(line.day)}</Table.Td>
                <Table.Td>
                  {linkCompanies ? (
                    <Anchor component={Link} to={`/companies/${line.company.id}`} size="sm" fw={500}>
                      {line.company.legalName}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {line.company.legalName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <KindBadge kind={line.kind} />
                </Table.Td>
                <Table.Td ta="right" c="dimmed" ff="monospace">
                  №{line.orderId}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                  {formatMoney(line.orderTotalMinor, line.orderCurrency)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" c="dimmed" title={t("commissions.ruleFrom", { date: monthStartLabel(line.rule.effectiveFrom) })}>
                  {lineRuleText(line.rule)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600} style={{ whiteSpace: "nowrap" }} data-testid="commission-line-amount">
                  {formatMoney(line.amountMinor, line.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {lines.length > 0 && statement ? (
            <Table.Tfoot bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Td colSpan={6} fw={700}>
                  {t("commissions.total")}
                </Table.Td>
                <Table.Td>
                  <MoneyTotals totals={statement.totals} bold testId="commission-statement-total" />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
      <ListState pending={pending && !statement} empty={lines.length === 0} testId="commission-lines-empty">
        {t("commissions.noLines")}
      </ListState>
    </Paper>
  );
}
