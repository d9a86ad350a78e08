import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ApiError } from "../api/client";
import { EXTENSION_REASONS, type ExtensionReason, type RotationDecisionInput } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatDay } from "../i18n/format";
import { useTeamSettings } from "../settings/queries";
import { AUTO, HolderSelect, ruleCanPick } from "./HolderSelect";
import { useDecide } from "./queries";
import { addDaysIso, isoDay, type DecisionKind, type RotationTarget } from "./targets";

const SHOWN = 6;

/**
 * One of the head's four decisions on one client or on a batch (all or nothing): extend the term
 * (an objective reason, a text, a date), transfer now, transfer after a rest, or archive.
 */
export function DecisionDialog({ kind, targets, onClose, onDone }: { kind: DecisionKind; targets: RotationTarget[]; onClose(): void; onDone?(): void }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const settings = useTeamSettings();
  const rotation = settings.data?.rotation;
  const [category, setCategory] = useState<ExtensionReason | null>(null);
  const [note, setNote] = useState("");
  const [until, setUntil] = useState("");
  const [restDays, setRestDays] = useState<number | null>(null);
  const [person, setPerson] = useState<string | null>(kind === "transfer_after_rest" || ruleCanPick(targets) ? AUTO : null);
  const today = isoDay(new Date());
  const maxDays = rotation?.maxExtensionDays;
  const days = restDays ?? rotation?.restDays ?? 0;

  const ready =
    targets.length > 0 &&
    (kind === "extend"
      ? Boolean(category && note.trim() && until)
      : kind === "archive"
        ? Boolean(note.trim())
        : kind === "transfer_now"
          ? person !== null
          : person !== null && (restDays !== null || rotation !== undefined));

  const item = (holdingId: number): RotationDecisionInput => {
    const chosen = person && person !== AUTO ? Number(person) : undefined;
    const text = note.trim() || undefined;
    switch (kind) {
      case "extend":
        return { holdingId, decision: "extend", category: category!, note: note.trim(), until };
      case "transfer_now":
        return { holdingId, decision: "transfer_now", ...(chosen ? { toUserId: chosen } : {}), ...(text ? { note: text } : {}) };
      case "transfer_after_rest":
        return { holdingId, decision: "transfer_after_rest", restDays: days, ...(chosen ? { nextHolderId: chosen } : {}), ...(text ? { note: text } : {}) };
      case "archive":
        return { holdingId, decision: "archive", note: note.trim() };
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    decide.mutate(
      targets.map((target) => item(target.holdingId)),
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t(`rotation.done.${kind}`, { count: targets.length }) });
          onDone?.();
          onClose();
        },
      },
    );
  };

  // The batch is all or nothing: the server names the item that failed.
  const failedIndex = decide.error instanceof ApiError ? decide.error.details?.index : undefined;
  const failed = typeof failedIndex === "number" && targets.length > 1 ? targets[failedIndex] : undefined;
  const single = targets.length === 1 ? targets[0] : undefined;

  return (
    <Modal opened onClose={onClose} title={t(`rotation.decision.${kind}`)} centered size="lg">
      <form onSubmit={submit} data-testid="decision-form" data-decision={kind}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(`rotation.explain.${kind}`)}
          </Text>
          {single ? (
            <Text size="sm" data-testid="decision-target">
              <b>{single.company.legalName}</b> · {single.holder.fullName}
            </Text>
          ) : (
            <Stack gap={4} data-testid="decision-target">
              <Text size="sm" fw={600}>
                {t("rotation.batchOf", { count: targets.length })}
              </Text>
              <List size="sm" spacing={0}>
                {targets.slice(0, SHOWN).map((x) => (
                  <List.Item key={x.holdingId}>
                    {x.company.legalName} · {x.holder.fullName}
                  </List.Item>
                ))}
              </List>
              {targets.length > SHOWN ? (
                <Text size="xs" c="dimmed">
                  {t("rotation.andMore", { count: targets.length - SHOWN })}
                </Text>
              ) : null}
            </Stack>
          )}
          <ErrorAlert error={decide.error} withFields={false} />
          {failed ? (
            <Alert color="red" variant="outline" py={6} data-testid="decision-failed-item">
              <Text size="sm">{t("rotation.failedItem", { name: failed.company.legalName })}</Text>
            </Alert>
          ) : null}

          {kind === "extend" ? (
            <>
              <Select
                label={t("rotation.field.category")}
                data={EXTENSION_REASONS.map((r) => ({ value: r, label: t(`deal.postponeReason.${r}`) }))}
                value={category}
                onChange={(v) => setCategory(v as ExtensionReason | null)}
                required
                data-testid="decision-category"
              />
              <Textarea
                label={t("rotation.field.extendNote")}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={2000}
                required
                data-testid="decision-note"
              />
              <TextInput
                type="date"
                label={t("rotation.field.until")}
                description={maxDays ? t("rotation.field.untilMax", { days: maxDays }) : undefined}
                value={until}
                min={addDaysIso(today, 1)}
                max={maxDays ? addDaysIso(today, maxDays) : undefined}
                onChange={(e) => setUntil(e.currentTarget.value)}
                required
                data-testid="decision-until"
              />
            </>
          ) : null}

          {kind === "transfer_after_rest" ? (
            <NumberInput
              label={t("rotation.field.restDays")}
              description={t("rotation.field.restDaysHint", { date: formatDay(addDaysIso(today, days)) })}
              value={days}
              min={0}
              max={365}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              onChange={(v) => setRestDays(typeof v === "number" ? v : v === "" ? 0 : Number(v) || 0)}
              data-testid="decision-rest-days"
            />
          ) : null}

          {kind === "transfer_now" || kind === "transfer_after_rest" ? (
            <HolderSelect
              targets={targets}
              value={person}
              onChange={setPerson}
              label={kind === "transfer_now" ? t("rotation.field.toPerson") : t("rotation.field.nextHolder")}
              autoAlways={kind === "transfer_after_rest"}
              enabled
              testId="decision-person"
            />
          ) : null}

          {kind === "archive" ? (
            <Textarea
              label={t("rotation.field.archiveNote")}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              required
              data-testid="decision-note"
            />
          ) : kind !== "extend" ? (
            <Textarea label={t("rotation.field.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="decision-note" />
          ) : null}

          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={kind === "archive" ? "red" : undefined} loading={decide.isPending} disabled={!ready} data-testid="decision-submit">
              {t(`rotation.submit.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
