import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconHeartHandshake, IconX } from "@tabler/icons-react";
import type { CustomerPromise } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { usePromises, useResolvePromise } from "../conversion/queries";
import { formatDate, formatDay } from "../i18n/format";

export const PROMISE_STATUS_COLORS = { open: "blue", kept: "teal", broken: "red" } as const;

/** The promises made to a customer at conversion, each to be marked kept or broken by the account manager. */
export function PromiseList({ companyId, canResolve }: { companyId: number; canResolve: boolean }) {
  const { t } = useTranslation();
  const promises = usePromises({ companyId });
  const [resolving, setResolving] = useState<{ promise: CustomerPromise; status: "kept" | "broken" } | null>(null);
  const items = promises.data ?? [];

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-list">
      <Group gap="xs" mb="sm">
        <IconHeartHandshake size={18} color="var(--mantine-color-dimmed)" />
        <Title order={4} fz="md">
          {t("promise.title")}
        </Title>
      </Group>
      <ErrorAlert error={promises.error} />
      {promises.isPending ? (
        <Center py="sm">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("promise.none")}
        </Text>
      ) : (
        <Stack gap={0}>
          {items.map((p, i) => (
            <Stack key={p.id} gap={4} py={8} style={i > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined} data-testid="promise-row" data-status={p.status}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Badge size="xs" variant="outline" color="gray" radius="sm">
                      {t(`promise.kinds.${p.kind}`, { defaultValue: p.kind })}
                    </Badge>
                    <Badge size="xs" variant="light" color={PROMISE_STATUS_COLORS[p.status]} radius="sm" data-testid="promise-status">
                      {t(`promise.status.${p.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                    {p.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("promise.madeBy", { name: p.madeBy.fullName })}
                    {p.dueOn ? ` · ${t("promise.due", { date: formatDay(p.dueOn) })}` : ""}
                    {p.resolvedAt ? ` · ${t("promise.resolvedOn", { date: formatDate(p.resolvedAt) })}` : ""}
                  </Text>
                  {p.resolutionNote ? (
                    <Text size="xs" fs="italic">
                      {p.resolutionNote}
                    </Text>
                  ) : null}
                </Stack>
                {canResolve && p.status === "open" ? (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCheck size={12} />} onClick={() => setResolving({ promise: p, status: "kept" })} data-testid="promise-kept">
                      {t("promise.kept")}
                    </Button>
                    <Button size="compact-xs" variant="light" color="red" leftSection={<IconX size={12} />} onClick={() => setResolving({ promise: p, status: "broken" })} data-testid="promise-broken">
                      {t("promise.broken")}
                    </Button>
                  </Group>
                ) : null}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {resolving ? <ResolveDialog companyId={companyId} promise={resolving.promise} status={resolving.status} onClose={() => setResolving(null)} /> : null}
    </Paper>
  );
}

function ResolveDialog({ companyId, promise, status, onClose }: { companyId: number; promise: CustomerPromise; status: "kept" | "broken"; onClose(): void }) {
  const { t } = useTranslation();
  const resolve = useResolvePromise(companyId);
  const [note, setNote] = useState("");
  return (
    <Modal opened onClose={onClose} title={status === "kept" ? t("promise.markKept") : t("promise.markBroken")} centered>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {promise.text}
        </Text>
        <ErrorAlert error={resolve.error} />
        <Textarea
          label={t("promise.note")}
          placeholder={status === "broken" ? t("promise.brokenPlaceholder") : undefined}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="promise-note"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color={status === "kept" ? "teal" : "red"}
            loading={resolve.isPending}
            onClick={() =>
              resolve.mutate(
                { id: promise.id, status, note: note.trim() || undefined },
                {
                  onSuccess: () => {
                    notifications.show({ color: status === "kept" ? "teal" : "red", message: t(`promise.marked.${status}`) });
                    onClose();
                  },
                },
              )
            }
            data-testid="promise-resolve-submit"
          >
            {status === "kept" ? t("promise.markKept") : t("promise.markBroken")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
