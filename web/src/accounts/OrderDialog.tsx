import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Alert, Button, Divider, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconShoppingCart, IconTrash } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { CURRENCIES } from "../deals/stages";
import { formatMoney, toMinor } from "../i18n/format";
import { useProducts } from "../products/queries";
import { usePlaceOrder } from "./queries";

interface Line {
  key: number;
  productId: string | null;
  quantity: number | string;
  amount: number | string;
}

let nextKey = 1;
const newLine = (): Line => ({ key: nextKey++, productId: null, quantity: 1, amount: "" });

/**
 * A customer's repeat order, as the account manager (or the back office, the head) took it: the
 * day (today, or earlier when entered late), the currency and the lines.
 */
export function OrderDialog({ companyId, today, currency: initialCurrency, opened, onClose }: { companyId: number; today: string; currency: string; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const place = usePlaceOrder(companyId);
  const products = useProducts(opened);
  const [orderedOn, setOrderedOn] = useState(today);
  const [currency, setCurrency] = useState(initialCurrency);
  const [lines, setLines] = useState<Line[]>(() => [newLine()]);
  const [note, setNote] = useState("");

  const parsed = lines.map((l) => ({ productId: Number(l.productId), quantity: Number(l.quantity), amountMinor: toMinor(l.amount) }));
  const linesValid = parsed.length > 0 && parsed.every((l) => l.productId > 0 && Number.isInteger(l.quantity) && l.quantity >= 1 && l.amountMinor !== null);
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(orderedOn) && orderedOn <= today;
  const total = parsed.reduce((sum, l) => sum + (l.amountMinor ?? 0), 0);
  const ready = linesValid && dateValid;

  const setLine = (key: number, patch: Partial<Line>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    place.mutate(
      {
        orderedOn,
        currency,
        lines: parsed.map((l) => ({ productId: l.productId, quantity: l.quantity, amountMinor: l.amountMinor ?? 0 })),
        note: note.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("accounts.order.done") });
          onClose();
        },
      },
    );
  };

  const productOptions = (products.data ?? []).filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.sku ? `${p.name} · ${p.sku}` : p.name }));

  return (
    <Modal opened={opened} onClose={onClose} title={t("accounts.order.title")} size="xl" centered>
      <form onSubmit={submit} data-testid="order-form">
        <Stack gap="sm">
          <ErrorAlert error={place.error ?? products.error} />
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              type="date"
              label={t("accounts.order.date")}
              description={t("accounts.order.dateHint")}
              value={orderedOn}
              max={today}
              onChange={(e) => setOrderedOn(e.currentTarget.value)}
              error={orderedOn && !dateValid ? t("errors.order_date_in_future") : undefined}
              required
              data-testid="order-date"
            />
            <Select label={t("deal.currency")} data={[...CURRENCIES]} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} maw={140} data-testid="order-currency" />
          </Group>

          <Divider label={t("accounts.order.lines")} labelPosition="left" />
          {products.isSuccess && productOptions.length === 0 ? (
            <Alert color="yellow" variant="light">
              {t("deal.noProducts")}
            </Alert>
          ) : null}
          {lines.map((line, i) => (
            <Group key={line.key} gap="xs" align="flex-end" wrap="nowrap" data-testid="order-line">
              <Select
                label={i === 0 ? t("deal.product") : undefined}
                aria-label={t("deal.product")}
                data={productOptions}
                value={line.productId}
                onChange={(v) => setLine(line.key, { productId: v })}
                searchable
                style={{ flex: 1 }}
                nothingFoundMessage={t("common.nothingFound")}
                data-testid="order-line-product"
              />
              <NumberInput
                label={i === 0 ? t("deal.quantity") : undefined}
                aria-label={t("deal.quantity")}
                value={line.quantity}
                onChange={(v) => setLine(line.key, { quantity: v })}
                min={1}
                allowDecimal={false}
                w={100}
                data-testid="order-line-quantity"
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
                data-testid="order-line-amount"
              />
              <ActionIcon variant="subtle" color="gray" size="lg" disabled={lines.length === 1} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))} aria-label={t("common.remove")}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setLines((all) => [...all, newLine()])} data-testid="order-line-add">
              {t("deal.addLine")}
            </Button>
            <Text size="sm">
              {t("deal.orderTotal")}:{" "}
              <Text span fw={700} ff="monospace" data-testid="order-total">
                {formatMoney(total, currency)}
              </Text>
            </Text>
          </Group>
          <Textarea label={t("accounts.order.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-testid="order-note" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="teal" leftSection={<IconShoppingCart size={16} />} loading={place.isPending} disabled={!ready} data-testid="order-submit">
              {t("accounts.order.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
