import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Box, Button, Center, Group, List, Loader, Paper, Stack, Table, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlarm, IconBulb, IconInfoCircle, IconReceipt, IconShoppingCart, IconUserStar } from "@tabler/icons-react";
import type { AccountBrief, Company, Order } from "../api/types";
import { mayPlaceOrder } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { currentLanguage, LOCALES } from "../i18n";
import { formatDate, formatDay, formatMoney } from "../i18n/format";
import { instructionLines } from "./instruction";
import { OrderDialog } from "./OrderDialog";
import { useAccountBrief, useCompanyOrders } from "./queries";
import { percent, ReorderBadge, readsAccount, SegmentBadge } from "./segments";

const quantity = (n: number) => new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 1 }).format(n);

/**
 * The customer's account on its card, for its account manager, the back office and the head:
 * the instruction (who, when, what, how often, what next), products with their reorder dates,
 * what similar customers buy, and the orders with their invoices.
 */
export function AccountSection({ company }: { company: Company }) {
  const user = useUser();
  if (!readsAccount(user, company)) return null;
  return <Account company={company} />;
}

function Account({ company }: { company: Company }) {
  const { t } = useTranslation();
  const user = useUser();
  const brief = useAccountBrief(company.id);
  const orders = useCompanyOrders(company.id);
  const [ordering, setOrdering] = useState(false);
  const lastCurrency = orders.data?.items[0]?.currency ?? "UAH";

  return (
    <Paper withBorder radius="md" p="md" data-testid="account-section">
      <Group justify="space-between" mb="sm" gap="sm">
        <Group gap="xs">
          <IconUserStar size={18} color="var(--mantine-color-dimmed)" />
          <Title order={4} fz="md">
            {t("accounts.section.title")}
          </Title>
          {brief.data?.rfm ? <SegmentBadge segment={brief.data.rfm.segment} /> : null}
        </Group>
        {mayPlaceOrder(user, company) ? (
          <Button size="xs" color="teal" leftSection={<IconShoppingCart size={14} />} onClick={() => setOrdering(true)} disabled={!brief.data} data-testid="record-order">
            {t("accounts.order.action")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={brief.error ?? orders.error} />
      {brief.isPending ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : brief.data ? (
        <Stack gap="md">
          <Instruction company={company} brief={brief.data} />
          <Products brief={brief.data} />
          <CrossSell brief={brief.data} />
        </Stack>
      ) : null}
      <Box mt="md">
        <Orders orders={orders.data?.items ?? []} total={orders.data?.total ?? 0} loading={orders.isPending} />
      </Box>
      {ordering && brief.data ? <OrderDialog companyId={company.id} today={brief.data.today} currency={lastCurrency} opened onClose={() => setOrdering(false)} /> : null}
    </Paper>
  );
}

function Instruction({ company, brief }: { company: Company; brief: AccountBrief }) {
  const { t } = useTranslation();
  const lines = instructionLines(t, company, brief);
  return (
    <Paper radius="md" p="sm" bg="var(--mantine-color-blue-0)" data-testid="account-instruction">
      <List
        spacing={4}
        size="sm"
        icon={
          <ThemeIcon size={18} radius="xl" variant="light" color="blue">
            <IconInfoCircle size={12} />
          </ThemeIcon>
        }
      >
        {lines.map((line) => (
          <List.Item
            key={line.key}
            data-testid={`instruction-${line.key}`}
            icon={
              line.tone ? (
                <ThemeIcon size={18} radius="xl" variant="filled" color={line.tone === "danger" ? "red" : "yellow"}>
                  <IconAlarm size={12} />
                </ThemeIcon>
              ) : undefined
            }
          >
            <Text size="sm" fw={line.tone ? 600 : undefined} c={line.tone === "danger" ? "red.8" : undefined}>
              {line.text}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

function Products({ brief }: { brief: AccountBrief }) {
  const { t } = useTranslation();
  if (!brief.products.length) return null;
  // Per-product sums add every currency up: a sign only when the customer buys in one.
  const currency = brief.totals.length === 1 ? brief.totals[0]!.currency : null;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t("accounts.section.products")}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" withTableBorder data-testid="account-products">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th>{t("deal.product")}</Table.Th>
              <Table.Th ta="right">{t("accounts.section.purchaseDays")}</Table.Th>
              <Table.Th ta="right">{t("deal.quantity")}</Table.Th>
              <Table.Th ta="right">{t("accounts.section.amount")}</Table.Th>
              <Table.Th>{t("accounts.section.lastOn")}</Table.Th>
              <Table.Th>{t("accounts.section.nextExpected")}</Table.Th>
              <Table.Th ta="right">{t("accounts.section.typicalQuantity")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {brief.products.map((p) => (
              <Table.Tr key={p.productId} data-testid="account-product" data-product-id={p.productId}>
                <Table.Td fw={500}>{p.name}</Table.Td>
                <Table.Td ta="right">{p.purchaseDays}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {quantity(p.quantity)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                  {currency ? formatMoney(p.amountMinor, currency) : quantity(p.amountMinor / 100)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(p.lastOn)}</Table.Td>
                <Table.Td data-testid="account-product-expected">
                  {p.prediction ? (
                    <Stack gap={2}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                          {formatDay(p.prediction.expectedDay)}
                        </Text>
                        <ReorderBadge status={p.prediction.status} />
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t("accounts.everyDays", { days: Math.round(p.prediction.intervalDays) })} · {t("accounts.confidence", { percent: percent(p.prediction.confidence) })}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t("accounts.section.notRegular")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {p.prediction ? quantity(p.prediction.typicalQuantity) : "—"}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CrossSell({ brief }: { brief: AccountBrief }) {
  const { t } = useTranslation();
  return (
    <Paper radius="md" p="sm" withBorder bg="var(--mantine-color-yellow-0)" data-testid="cross-sell">
      <Group gap={6} mb={4} wrap="nowrap">
        <IconBulb size={16} color="var(--mantine-color-yellow-8)" />
        <Text size="sm" fw={600}>
          {t("accounts.crossSell.title")}
        </Text>
      </Group>
      {brief.crossSell.length ? (
        <List size="sm" spacing={2}>
          {brief.crossSell.map((s) => (
            <List.Item key={s.productId} data-testid="cross-sell-item" data-product-id={s.productId}>
              <Text span size="sm" fw={600}>
                {s.name}
              </Text>{" "}
              <Text span size="sm" c="dimmed">
                {t("accounts.crossSell.peers", { peers: s.peers, total: brief.peers })}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {brief.purchaseDays ? t("accounts.crossSell.none") : t("accounts.crossSell.noPurchases")}
        </Text>
      )}
    </Paper>
  );
}

function InvoiceStatus({ order }: { order: Order }) {
  const { t } = useTranslation();
  const invoice = order.invoice;
  if (!invoice) {
    return (
      <Text size="xs" c="dimmed">
        {t("accounts.invoice.none")}
      </Text>
    );
  }
  const [color, label] =
    invoice.status === "paid"
      ? ["teal", t("accounts.invoice.paid", { date: formatDay(invoice.paidOn) })]
      : invoice.status === "cancelled"
        ? ["gray", t("accounts.invoice.cancelled")]
        : invoice.overdue
          ? ["red", t("accounts.invoice.overdue", { date: formatDay(invoice.dueOn) })]
          : ["blue", t("accounts.invoice.issued", { date: formatDay(invoice.dueOn) })];
  return (
    <Stack gap={2}>
      <Text size="xs" ff="monospace">
        № {invoice.number}
      </Text>
      <Badge color={color} variant={invoice.overdue ? "filled" : "light"} size="sm" radius="sm" w="fit-content" data-testid="order-invoice-status" data-status={invoice.overdue ? "overdue" : invoice.status}>
        {label}
      </Badge>
    </Stack>
  );
}

function Orders({ orders, total, loading }: { orders: Order[]; total: number; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <IconReceipt size={16} color="var(--mantine-color-dimmed)" />
        <Text size="sm" fw={600}>
          {t("accounts.section.orders")}
        </Text>
        {total > orders.length ? (
          <Text size="xs" c="dimmed">
            {t("accounts.section.ordersShown", { shown: orders.length, total })}
          </Text>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" withTableBorder data-testid="orders-table">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th w={120}>{t("accounts.section.orderDate")}</Table.Th>
              <Table.Th>{t("accounts.section.lines")}</Table.Th>
              <Table.Th ta="right">{t("deal.orderTotal")}</Table.Th>
              <Table.Th w={170}>{t("accounts.section.invoice")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((order) => (
              <Table.Tr key={order.id} data-testid="order-row" data-order-id={order.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(order.orderedAt)}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {order.lines.map((line, i) => (
                      <Text key={`${line.productId}-${i}`} size="sm" data-testid="order-line-text">
                        {line.productName} × {quantity(line.quantity)}{" "}
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {formatMoney(line.amountMinor, order.currency)}
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {formatMoney(order.totalMinor, order.currency)}
                </Table.Td>
                <Table.Td>
                  <InvoiceStatus order={order} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading ? (
        <Center py="sm">
          <Loader size="sm" />
        </Center>
      ) : orders.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="orders-empty">
          {t("accounts.section.noOrders")}
        </Text>
      ) : null}
    </Stack>
  );
}
