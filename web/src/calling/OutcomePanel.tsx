import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Chip, Group, Kbd, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useWindowEvent } from "@mantine/hooks";
import { IconArrowRight } from "@tabler/icons-react";
import type { OutcomeInput } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { atHour, isoFromLocal, isTyping, localInputValue } from "./keys";
import { CALLER_OUTCOMES, OUTCOME_LOOK, outcomeByKey, type CallerOutcome } from "./outcomes";

const REASONS = ["supplier", "noBudget", "noNeed", "tooExpensive", "notNow"] as const;

interface Fields {
  note: string;
  callbackAt: string;
  reason: string;
  need: string;
  timing: string;
  budget: string;
  decisionMaker: string;
  appointmentAt: string;
}

const EMPTY: Fields = { note: "", callbackAt: "", reason: "", need: "", timing: "", budget: "", decisionMaker: "", appointmentAt: "" };

/** Why the form cannot be sent yet (the server checks the same and refuses with these codes). */
function missing(outcome: CallerOutcome, f: Fields): string | null {
  switch (OUTCOME_LOOK[outcome].needs) {
    case "callbackAt": {
      const at = isoFromLocal(f.callbackAt);
      if (!at) return "callback_time_required";
      return new Date(at).getTime() <= Date.now() ? "callback_time_in_past" : null;
    }
    case "reason":
      return f.reason.trim() ? null : "reason_required";
    case "qualification":
      return f.need.trim() && f.timing.trim() ? null : "qualification_required";
    case "question":
      return f.note.trim() ? null : "question_required";
    default:
      return null;
  }
}

function bodyOf(outcome: CallerOutcome, f: Fields): OutcomeInput {
  const body: OutcomeInput = { outcome };
  if (f.note.trim()) body.note = f.note.trim();
  const needs = OUTCOME_LOOK[outcome].needs;
  if (needs === "callbackAt") body.callbackAt = isoFromLocal(f.callbackAt);
  if (needs === "reason") body.reason = f.reason.trim();
  if (needs === "qualification") {
    body.qualification = { need: f.need.trim(), timing: f.timing.trim() };
    if (f.budget.trim()) body.qualification.budget = f.budget.trim();
    if (f.decisionMaker.trim()) body.qualification.decisionMaker = f.decisionMaker.trim();
    const appointment = isoFromLocal(f.appointmentAt);
    if (appointment) body.appointmentAt = appointment;
  }
  return body;
}

/**
 * How the call ended: one click (or 1–9) logs it and brings the next company. Outcomes that need
 * more open a small form in place: when to call back, why not, or the lead's qualification.
 */
export function OutcomePanel({
  preset,
  decisionMakerHint,
  pending,
  error,
  onSubmit,
}: {
  /** The outcome the script's last answer ended with. */
  preset: CallerOutcome | null;
  decisionMakerHint: string;
  pending: boolean;
  error: unknown;
  onSubmit(body: OutcomeInput): void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<CallerOutcome | null>(preset);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const firstField = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  useEffect(() => setSelected(preset), [preset]);
  useEffect(() => {
    if (selected && OUTCOME_LOOK[selected].needs !== "nothing") {
      if (selected === "interested" && !fields.decisionMaker) setFields((f) => ({ ...f, decisionMaker: decisionMakerHint }));
      setTimeout(() => firstField.current?.focus(), 0);
    }
    // Focus once per chosen outcome, not on every keystroke.
  }, [selected]);

  const problem = selected ? missing(selected, fields) : null;
  const send = (outcome: CallerOutcome) => {
    if (pending || missing(outcome, fields)) return;
    onSubmit(bodyOf(outcome, fields));
  };

  const choose = (outcome: CallerOutcome) => {
    if (OUTCOME_LOOK[outcome].needs === "nothing") send(outcome);
    else setSelected(outcome);
  };

  useWindowEvent("keydown", (event) => {
    if (event.key === "Escape" && selected) {
      setSelected(null);
      return;
    }
    if (isTyping(event)) return;
    const outcome = outcomeByKey(event.key);
    if (outcome) {
      event.preventDefault();
      choose(outcome);
    } else if (event.key === "Enter" && selected) {
      event.preventDefault();
      send(selected);
    }
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected) send(selected);
  };

  const needs = selected ? OUTCOME_LOOK[selected].needs : null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="outcome-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4} fz="md">
          {t("calling.outcome.title")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("calling.outcome.hint")}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing={6} verticalSpacing={6}>
        {CALLER_OUTCOMES.map((outcome) => {
          const look = OUTCOME_LOOK[outcome];
          const active = selected === outcome;
          return (
            <UnstyledButton
              key={outcome}
              onClick={() => choose(outcome)}
              disabled={pending}
              data-testid={`outcome-${outcome}`}
              data-active={active || undefined}
              aria-keyshortcuts={look.key}
              title={`${t(`activity.outcomes.${outcome}`)} (${look.key})`}
              style={{
                display: "flex",
                alignItems: "center",
                gap: 8,
                padding: "7px 10px",
                borderRadius: 6,
                border: `1px solid var(--mantine-color-${active ? look.color + "-5" : "gray-3"})`,
                background: active ? `var(--mantine-color-${look.color}-0)` : "var(--mantine-color-white)",
                boxShadow: active ? `0 0 0 1px var(--mantine-color-${look.color}-5)` : undefined,
                opacity: pending ? 0.6 : 1,
              }}
            >
              <look.icon size={16} color={`var(--mantine-color-${look.color}-6)`} style={{ flexShrink: 0 }} />
              <Text size="sm" fw={500} style={{ flex: 1, minWidth: 0 }} truncate>
                {t(`activity.outcomes.${outcome}`)}
              </Text>
              <Kbd size="xs">{look.key}</Kbd>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>

      <form onSubmit={submit} onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && submit(e)} data-testid="outcome-form">
        <Stack gap="sm" mt="md">
          {needs === "callbackAt" ? (
            <Stack gap={6}>
              <TextInput
                ref={firstField}
                type="datetime-local"
                label={t("calling.outcome.callbackAt")}
                value={fields.callbackAt}
                onChange={(e) => set("callbackAt")(e.currentTarget.value)}
                min={localInputValue(new Date())}
                required
                w={260}
                data-testid="outcome-callback-at"
              />
              <Group gap={6}>
                {[
                  { label: t("calling.outcome.inHours", { count: 1 }), at: new Date(Date.now() + 3_600_000) },
                  { label: t("calling.outcome.inHours", { count: 3 }), at: new Date(Date.now() + 3 * 3_600_000) },
                  { label: t("calling.outcome.tomorrowAt", { time: "10:00" }), at: atHour(1, 10) },
                  { label: t("calling.outcome.inDaysAt", { count: 2, time: "10:00" }), at: atHour(2, 10) },
                  { label: t("calling.outcome.inDaysAt", { count: 7, time: "10:00" }), at: atHour(7, 10) },
                ].map((p) => (
                  <Button key={p.label} size="compact-xs" variant="light" color="gray" onClick={() => set("callbackAt")(localInputValue(p.at))}>
                    {p.label}
                  </Button>
                ))}
              </Group>
            </Stack>
          ) : null}

          {needs === "reason" ? (
            <Stack gap={6}>
              <TextInput
                ref={firstField}
                label={t("calling.outcome.reason")}
                placeholder={t("calling.outcome.reasonPlaceholder")}
                value={fields.reason}
                onChange={(e) => set("reason")(e.currentTarget.value)}
                required
                maxLength={1000}
                data-testid="outcome-reason"
              />
              <Group gap={6}>
                {REASONS.map((r) => (
                  <Chip key={r} size="xs" checked={fields.reason === t(`calling.reasons.${r}`)} onChange={() => set("reason")(t(`calling.reasons.${r}`))}>
                    {t(`calling.reasons.${r}`)}
                  </Chip>
                  ))}
              </Group>
            </Stack>
          ) : null}

          {needs === "qualification" ? (
            <Stack gap="xs" data-testid="qualification">
              <Text size="xs" c="dimmed">
                {t("calling.outcome.qualificationHint")}
              </Text>
              <Textarea
                ref={firstField}
                label={t("calling.outcome.need")}
                placeholder={t("calling.outcome.needPlaceholder")}
                value={fields.need}
                onChange={(e) => set("need")(e.currentTarget.value)}
                autosize
                minRows={2}
                maxRows={5}
                required
                maxLength={2000}
                data-testid="qualification-need"
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  label={t("calling.outcome.timing")}
                  placeholder={t("calling.outcome.timingPlaceholder")}
                  value={fields.timing}
                  onChange={(e) => set("timing")(e.currentTarget.value)}
                  required
                  maxLength={500}
                  data-testid="qualification-timing"
                />
                <TextInput
                  label={t("calling.outcome.budget")}
                  placeholder={t("calling.outcome.budgetPlaceholder")}
                  value={fields.budget}
                  onChange={(e) => set("budget")(e.currentTarget.value)}
                  maxLength={500}
                  data-testid="qualification-budget"
                />
                <TextInput
                  label={t("calling.outcome.decisionMaker")}
                  value={fields.decisionMaker}
                  onChange={(e) => set("decisionMaker")(e.currentTarget.value)}
                  maxLength={500}
                  data-testid="qualification-decision-maker"
                />
              </SimpleGrid>
              <TextInput
                type="datetime-local"
                label={t("calling.outcome.appointmentAt")}
                description={t("calling.outcome.appointmentHint")}
                value={fields.appointmentAt}
                onChange={(e) => set("appointmentAt")(e.currentTarget.value)}
                min={localInputValue(new Date())}
                w={260}
                data-testid="qualification-appointment"
              />
            </Stack>
          ) : null}

          {selected ? (
            <Textarea
              ref={needs === "question" ? firstField : undefined}
              label={needs === "question" ? t("calling.outcome.question") : t("calling.outcome.note")}
              placeholder={needs === "question" ? t("calling.outcome.questionPlaceholder") : t("calling.outcome.notePlaceholder")}
              value={fields.note}
              onChange={(e) => set("note")(e.currentTarget.value)}
              autosize
              minRows={needs === "question" ? 2 : 1}
              maxRows={5}
              required={needs === "question"}
              maxLength={5000}
              data-testid="outcome-note"
            />
          ) : null}

          <ErrorAlert error={error} />

          {selected ? (
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" c={problem ? "orange.8" : "dimmed"}>
                {problem ? t(problem === "question_required" ? "calling.outcome.questionRequired" : `errors.${problem}`) : t("calling.outcome.submitHint")}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Button variant="subtle" color="gray" size="sm" onClick={() => setSelected(null)}>
                  {t("common.cancel")}
                </Button>
                <Button
                  type="submit"
                  size="sm"
                  color={OUTCOME_LOOK[selected].color === "gray" ? "blue" : OUTCOME_LOOK[selected].color}
                  loading={pending}
                  disabled={Boolean(problem)}
                  rightSection={<IconArrowRight size={16} />}
                  data-testid="outcome-submit"
                >
                  {t("calling.outcome.submit", { outcome: t(`activity.outcomes.${selected}`) })}
                </Button>
              </Group>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
