import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShoppingCart } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { CURRENCIES } from "../deals/stages";
import { OrderLinesEditor } from "../orders/OrderLinesEditor";
import { newOrderLine, readOrderLines, type OrderLineDraft } from "../orders/orderLines";
import { useProducts } from "../products/queries";
import { usePlaceOrder } from "./queries";

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
  const [lines, setLines] = useState<OrderLineDraft[]>(() => [newOrderLine()]);
  const [note, setNote] = useState("");

  const order = readOrderLines(lines);
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(orderedOn) && orderedOn <= today;
  const ready = order.valid && dateValid;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    place.mutate(
      {
        orderedOn,
        currency,
        lines: order.lines,
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

          <OrderLinesEditor label={t("accounts.order.lines")} lines={lines} onChange={setLines} currency={currency} products={products} testIdPrefix="order" />
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
