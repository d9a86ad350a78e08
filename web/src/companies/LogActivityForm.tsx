import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Paper, SegmentedControl, Select, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCalendarEvent, IconMail, IconNote, IconPhoneCall } from "@tabler/icons-react";
import { fieldProblems, problemFor } from "../api/errors";
import { ACTIVITY_LOG_KINDS, type ActivityLogKind, type Stage } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { outcomesFor } from "./outcomes";
import { useLogActivity } from "./queries";

const KIND_ICONS = { note: IconNote, call: IconPhoneCall, meeting: IconCalendarEvent, email: IconMail } as const;

/** Log a call, meeting, email or note on the company's timeline (append-only: it cannot be edited later). */
export function LogActivityForm({ companyId, stage }: { companyId: number; stage: Stage }) {
  const { t } = useTranslation();
  const log = useLogActivity(companyId);
  const [kind, setKind] = useState<ActivityLogKind>("call");
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    log.mutate(
      { kind, text: text.trim(), ...(kind === "call" && outcome ? { outcome } : {}) },
      {
        onSuccess: () => {
          setText("");
          setOutcome(null);
          notifications.show({ color: "teal", message: t("activity.logged") });
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} data-testid="log-activity-form">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(value) => setKind(value as ActivityLogKind)}
            data={ACTIVITY_LOG_KINDS.map((k) => {
              const Icon = KIND_ICONS[k];
              return {
                value: k,
                label: (
                  <Group gap={6} wrap="nowrap" data-testid={`activity-kind-${k}`}>
                    <Icon size={14} />
                    <span>{t(`activity.kind.${k}`)}</span>
                  </Group>
                ),
              };
            })}
          />
          {kind === "call" ? (
            <Select
              size="xs"
              w={200}
              placeholder={t("activity.outcome")}
              value={outcome}
              onChange={setOutcome}
              data={outcomesFor(stage).map((o) => ({ value: o, label: t(`activity.outcomes.${o}`) }))}
              clearable
              aria-label={t("activity.outcome")}
              data-testid="activity-outcome"
            />
          ) : null}
        </Group>
        <ErrorAlert error={log.error} />
        <Textarea
          placeholder={t(`activity.placeholder.${kind}`)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={10_000}
          error={problemFor(fieldProblems(t, log.error), "text")}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
          }}
          data-testid="activity-text"
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={log.isPending} disabled={!text.trim()} data-testid="activity-submit">
            {t("activity.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
