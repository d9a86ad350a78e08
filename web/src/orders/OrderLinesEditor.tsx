import type { Dispatch, SetStateAction } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Alert, Button, Divider, Group, NumberInput, Select, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { Product } from "../api/types";
import { formatMoney } from "../i18n/format";
import { newOrderLine, readOrderLines, type OrderLineDraft } from "./orderLines";

interface Props {
  /** The divider's text above the lines. */
  label: string;
  lines: OrderLineDraft[];
  /** A state setter: changes are applied to the latest lines. */
  onChange: Dispatch<SetStateAction<OrderLineDraft[]>>;
  currency: string;
  /** The product list query; only active products are offered. */
  products: { data?: Product[]; isSuccess: boolean };
  /** Prefix of the data-testids: `<prefix>-line`, `<prefix>-line-product`, …, `<prefix>-total`. */
  testIdPrefix: string;
}

/** The lines of an order (product, quantity, amount), with adding and removing lines and the order total. */
export function OrderLinesEditor({ label, lines, onChange, currency, products, testIdPrefix }: Props) {
  const { t } = useTranslation();
  const productOptions = (products.data ?? []).filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.sku ? `${p.name} · ${p.sku}` : p.name }));
  const { totalMinor } = readOrderLines(lines);
  const setLine = (key: number, patch: Partial<OrderLineDraft>) => onChange((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <>
      <Divider label={label} labelPosition="left" />
      {products.isSuccess && productOptions.length === 0 ? (
        <Alert color="yellow" variant="light">
          {t("deal.noProducts")}
        </Alert>
      ) : null}
      {lines.map((line, i) => (
        <Group key={line.key} gap="xs" align="flex-end" wrap="nowrap" data-testid={`${testIdPrefix}-line`}>
          <Select
            label={i === 0 ? t("deal.product") : undefined}
            aria-label={t("deal.product")}
            data={productOptions}
            value={line.productId}
            onChange={(v) => setLine(line.key, { productId: v })}
            searchable
            style={{ flex: 1 }}
            nothingFoundMessage={t("common.nothingFound")}
            data-testid={`${testIdPrefix}-line-product`}
          />
          <NumberInput
            label={i === 0 ? t("deal.quantity") : undefined}
            aria-label={t("deal.quantity")}
            value={line.quantity}
            onChange={(v) => setLine(line.key, { quantity: v })}
            min={1}
            allowDecimal={false}
            w={100}
            data-testid={`${testIdPrefix}-line-quantity`}
          />
          <NumberInput
            label={i === 0 ? t("deal.lineAmount") : undefined}
            aria-label={t("deal.lineAmount")}
            value={line.amount}
            onChange={(v) => setLine(line.key, { amount: v })}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            w={160}
            data-testid={`${testIdPrefix}-line-amount`}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" disabled={lines.length === 1} onClick={() => onChange((all) => all.filter((l) => l.key !== line.key))} aria-label={t("common.remove")}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange((all) => [...all, newOrderLine()])} data-testid={`${testIdPrefix}-line-add`}>
          {t("deal.addLine")}
        </Button>
        <Text size="sm">
          {t("deal.orderTotal")}:{" "}
          <Text span fw={700} ff="monospace" data-testid={`${testIdPrefix}-total`}>
            {formatMoney(totalMinor, currency)}
          </Text>
        </Text>
      </Group>
    </>
  );
}
