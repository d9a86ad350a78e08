import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ActionIcon, Button, Divider, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash, IconTrophy } from "@tabler/icons-react";
import { PROMISE_KINDS, type Deal, type PromiseKind } from "../api/types";
import { homePath, steersConveyor } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { useTeam } from "../companies/queries";
import { OrderLinesEditor } from "../orders/OrderLinesEditor";
import { newOrderLine, readOrderLines, type OrderLineDraft } from "../orders/orderLines";
import { useProducts } from "../products/queries";
import { useWinDeal } from "./queries";
import { CURRENCIES, dealCurrency } from "./stages";

interface PromiseRow {
  key: number;
  kind: PromiseKind;
  text: string;
  dueOn: string;
}

let nextKey = 1;
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
  const [lines, setLines] = useState<OrderLineDraft[]>(() => [newOrderLine()]);
  const [promises, setPromises] = useState<PromiseRow[]>([]);
  const [note, setNote] = useState("");

  const order = readOrderLines(lines);
  const promisesValid = promises.every((p) => p.text.trim());
  const ready = Boolean(accountManagerId) && order.valid && promisesValid;

  const setPromise = (key: number, patch: Partial<PromiseRow>) => setPromises((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    win.mutate(
      {
        dealId: deal.id,
        accountManagerId: Number(accountManagerId),
        currency,
        lines: order.lines,
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

          <OrderLinesEditor label={t("deal.orderLines")} lines={lines} onChange={setLines} currency={currency} products={products} testIdPrefix="win" />

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
