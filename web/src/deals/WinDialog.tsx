import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ActionIcon, Alert, Button, Divider, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash, IconTrophy } from "@tabler/icons-react";
import { PROMISE_KINDS, type Deal, type PromiseKind } from "../api/types";
import { homePath, steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { useTeam } from "../companies/queries";
import { formatMoney, toMinor } from "../i18n/format";
import { useProducts } from "../products/queries";
import { useWinDeal } from "./queries";
import { CURRENCIES, dealCurrency } from "./stages";

interface Line {
  key: number;
  productId: string | null;
  quantity: number | string;
  amount: number | string;
}

interface PromiseRow {
  key: number;
  kind: PromiseKind;
  text: string;
  dueOn: string;
}

let nextKey = 1;
const newLine = (): Line => ({ key: nextKey++, productId: null, quantity: 1, amount: "" });
const newPromise = (): PromiseRow => ({ key: nextKey++, kind: "delivery_date", text: "", dueOn: "" });

/** Won: the first order (products, amounts), the promises made, and the account manager who takes the customer on. */
export function WinDialog({ deal, opened, onClose }: { deal: Deal; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const win = useWinDeal(deal.companyId);
  const accountManagers = useTeam("account_manager", opened);
  const products = useProducts(opened);
  const [accountManagerId, setAccountManagerId] = useState<string | null>(null);
  const [currency, setCurrency] = useState(dealCurrency(deal));
  const [lines, setLines] = useState<Line[]>(() => [newLine()]);
  const [promises, setPromises] = useState<PromiseRow[]>([]);
  const [note, setNote] = useState("");

  const parsed = lines.map((l) => ({ productId: Number(l.productId), quantity: Number(l.quantity), amountMinor: toMinor(l.amount) }));
  const linesValid = parsed.length > 0 && parsed.every((l) => l.productId > 0 && Number.isInteger(l.quantity) && l.quantity >= 1 && l.amountMinor !== null);
  const promisesValid = promises.every((p) => p.text.trim());
  const total = parsed.reduce((sum, l) => sum + (l.amountMinor ?? 0), 0);
  const ready = Boolean(accountManagerId) && linesValid && promisesValid;

  const setLine = (key: number, patch: Partial<Line>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const setPromise = (key: number, patch: Partial<PromiseRow>) => setPromises((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    win.mutate(
      {
        dealId: deal.id,
        accountManagerId: Number(accountManagerId),
        currency,
        lines: parsed.map((l) => ({ productId: l.productId, quantity: l.quantity, amountMinor: l.amountMinor ?? 0 })),
        promises: promises.map((p) => ({ kind: p.kind, text: p.text.trim(), ...(p.dueOn ? { dueOn: p.dueOn } : {}) })),
        note: note.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("deal.wonDone") });
          // The company has left the manager's hands (to an account manager, or back to the cold base).
          if (!steersConveyor(user)) navigate(homePath(user));
          onClose();
        },
      },
    );
  };

  const productOptions = (products.data ?? []).filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.sku ? `${p.name} · ${p.sku}` : p.name }));

  return (
    <Modal opened={opened} onClose={onClose} title={t("deal.winTitle")} size="xl" centered>
      <form onSubmit={submit} data-testid="win-form">
        <Stack gap="sm">
          <ErrorAlert error={win.error ?? accountManagers.error ?? products.error} />
          <Group gap="sm" align="flex-end" grow>
            <Select
              label={t("deal.accountManager")}
              description={t("deal.accountManagerHint")}
              data={(accountManagers.data ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
              value={accountManagerId}
              onChange={setAccountManagerId}
              searchable
              required
              nothingFoundMessage={t("common.nothingFound")}
              data-testid="win-account-manager"
            />
            <Select label={t("deal.currency")} data={[...CURRENCIES]} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} maw={120} data-testid="win-currency" />
          </Group>

          <Divider label={t("deal.orderLines")} labelPosition="left" />
          {products.isSuccess && productOptions.length === 0 ? (
            <Alert color="yellow" variant="light">
              {t("deal.noProducts")}
            </Alert>
          ) : null}
          {lines.map((line, i) => (
            <Group key={line.key} gap="xs" align="flex-end" wrap="nowrap" data-testid="win-line">
              <Select
                label={i === 0 ? t("deal.product") : undefined}
                aria-label={t("deal.product")}
                data={productOptions}
                value={line.productId}
                onChange={(v) => setLine(line.key, { productId: v })}
                searchable
                style={{ flex: 1 }}
                nothingFoundMessage={t("common.nothingFound")}
                data-testid="win-line-product"
              />
              <NumberInput
                label={i === 0 ? t("deal.quantity") : undefined}
                aria-label={t("deal.quantity")}
                value={line.quantity}
                onChange={(v) => setLine(line.key, { quantity: v })}
                min={1}
                allowDecimal={false}
                w={100}
                data-testid="win-line-quantity"
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
                data-testid="win-line-amount"
              />
              <ActionIcon variant="subtle" color="gray" size="lg" disabled={lines.length === 1} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))} aria-label={t("common.remove")}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setLines((all) => [...all, newLine()])} data-testid="win-line-add">
              {t("deal.addLine")}
            </Button>
            <Text size="sm">
              {t("deal.orderTotal")}:{" "}
              <Text span fw={700} ff="monospace" data-testid="win-total">
                {formatMoney(total, currency)}
              </Text>
            </Text>
          </Group>

          <Divider label={t("deal.promisesMade")} labelPosition="left" />
          <Text size="xs" c="dimmed">
            {t("deal.promisesHint")}
          </Text>
          {promises.map((p) => (
            <Group key={p.key} gap="xs" align="flex-end" wrap="nowrap" data-testid="win-promise">
              <Select
                aria-label={t("promise.kind")}
                data={PROMISE_KINDS.map((k) => ({ value: k, label: t(`promise.kinds.${k}`) }))}
                value={p.kind}
                onChange={(v) => v && setPromise(p.key, { kind: v as PromiseKind })}
                allowDeselect={false}
                w={190}
                data-testid="win-promise-kind"
              />
              <TextInput
                aria-label={t("promise.text")}
                placeholder={t("promise.textPlaceholder")}
                value={p.text}
                onChange={(e) => setPromise(p.key, { text: e.currentTarget.value })}
                style={{ flex: 1 }}
                maxLength={2000}
                data-testid="win-promise-text"
              />
              <TextInput type="date" aria-label={t("promise.dueOn")} value={p.dueOn} onChange={(e) => setPromise(p.key, { dueOn: e.currentTarget.value })} w={160} data-testid="win-promise-due" />
              <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setPromises((all) => all.filter((x) => x.key !== p.key))} aria-label={t("common.remove")}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setPromises((all) => [...all, newPromise()])} data-testid="win-promise-add">
              {t("deal.addPromise")}
            </Button>
          </Group>
          <Textarea label={t("deal.handOverNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={5000} data-testid="win-note" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="teal" leftSection={<IconTrophy size={16} />} loading={win.isPending} disabled={!ready} data-testid="win-submit">
              {t("deal.winSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
