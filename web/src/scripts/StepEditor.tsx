import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, TextInput, Tooltip } from "@mantine/core";
import { IconArrowRight, IconFlag, IconPlus, IconTrash } from "@tabler/icons-react";
import type { ScriptAnswer, ScriptProblem, ScriptStep } from "../api/types";
import { CALLER_OUTCOMES } from "../calling/outcomes";

export const NEW_STEP = "new-step";

/** "next:s2" / "outcome:interested" — one select holds exactly one of the two. */
const thenValue = (a: ScriptAnswer) => (a.next ? `next:${a.next}` : a.outcome ? `outcome:${a.outcome}` : null);

/** One step of the script: the caller's line and the prospect's answers, each leading somewhere. */
export function StepEditor({
  step,
  number,
  steps,
  isStart,
  problems,
  problemText,
  onChange,
  onRemove,
  onMakeStart,
  onNewStepAfter,
}: {
  step: ScriptStep;
  number: number;
  steps: ScriptStep[];
  isStart: boolean;
  problems: ScriptProblem[];
  problemText(p: ScriptProblem): string;
  onChange(step: ScriptStep): void;
  onRemove(): void;
  onMakeStart(): void;
  /** Adds a new step and points the answer at it. */
  onNewStepAfter(answerIndex: number): void;
}) {
  const { t } = useTranslation();
  const stepLabel = (s: ScriptStep) => {
    const n = steps.indexOf(s) + 1;
    const say = s.say.trim();
    return `${n}. ${say ? (say.length > 48 ? `${say.slice(0, 48)}…` : say) : t("scripts.untitledStep")}`;
  };
  const thenData = [
    { group: t("scripts.goTo"), items: [...steps.filter((s) => s.id !== step.id).map((s) => ({ value: `next:${s.id}`, label: stepLabel(s) })), { value: NEW_STEP, label: t("scripts.newStep") }] },
    { group: t("scripts.endWith"), items: CALLER_OUTCOMES.map((o) => ({ value: `outcome:${o}`, label: t(`activity.outcomes.${o}`) })) },
  ];
  const setAnswer = (i: number, answer: ScriptAnswer) => onChange({ ...step, answers: step.answers.map((a, j) => (j === i ? answer : a)) });
  const answerProblem = (a: ScriptAnswer) => problems.find((p) => p.answerId === a.id);
  const stepProblems = problems.filter((p) => !p.answerId);
  const taken = step.answers.map((a) => a.id);

  return (
    <Paper withBorder radius="md" p="sm" data-testid="script-step-editor" data-step={step.id} style={problems.length ? { borderColor: "var(--mantine-color-red-4)" } : undefined}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={8}>
          <Badge variant="filled" color={isStart ? "blue" : "gray"} radius="sm" size="lg" w={34} px={0}>
            {number}
          </Badge>
          {isStart ? (
            <Badge variant="light" color="blue" radius="sm">
              {t("scripts.start")}
            </Badge>
          ) : (
            <Button variant="subtle" size="compact-xs" color="gray" onClick={onMakeStart}>
              {t("scripts.makeStart")}
            </Button>
          )}
        </Group>
        <Tooltip label={t("scripts.removeStep")}>
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t("scripts.removeStep")} data-testid="step-remove">
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Textarea
        label={t("scripts.say")}
        placeholder={t("scripts.sayPlaceholder")}
        value={step.say}
        onChange={(e) => onChange({ ...step, say: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        data-testid="step-say"
      />
      <Text size="xs" fw={600} c="dimmed" mt="sm" mb={4}>
        {t("scripts.answers")}
      </Text>
      <Stack gap={6}>
        {step.answers.map((answer, i) => {
          const problem = answerProblem(answer);
          const value = thenValue(answer);
          return (
            <Group key={answer.id} gap={6} wrap="nowrap" align="flex-start" data-testid="answer-editor">
              <TextInput
                style={{ flex: 1 }}
                size="xs"
                placeholder={t("scripts.answerPlaceholder")}
                value={answer.label}
                onChange={(e) => setAnswer(i, { ...answer, label: e.currentTarget.value })}
                maxLength={500}
                error={problem ? problemText(problem) : undefined}
                aria-label={t("scripts.answer")}
                data-testid="answer-label"
              />
              <IconArrowRight size={14} color="var(--mantine-color-dimmed)" style={{ marginTop: 8, flexShrink: 0 }} />
              <Select
                w={300}
                size="xs"
                placeholder={t("scripts.then")}
                data={thenData}
                value={value}
                onChange={(v) => {
                  if (v === NEW_STEP) return onNewStepAfter(i);
                  const { next: _n, outcome: _o, ...rest } = answer;
                  if (v?.startsWith("next:")) setAnswer(i, { ...rest, next: v.slice(5) });
                  else if (v?.startsWith("outcome:")) setAnswer(i, { ...rest, outcome: v.slice(8) });
                  else setAnswer(i, rest);
                }}
                leftSection={answer.outcome ? <IconFlag size={12} /> : null}
                error={Boolean(problem)}
                searchable
                aria-label={t("scripts.then")}
                data-testid="answer-then"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={2}
                onClick={() => onChange({ ...step, answers: step.answers.filter((_, j) => j !== i) })}
                aria-label={t("scripts.removeAnswer")}
                data-testid="answer-remove"
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={12} />}
            onClick={() => {
              let n = taken.length + 1;
              while (taken.includes(`a${n}`)) n++;
              onChange({ ...step, answers: [...step.answers, { id: `a${n}`, label: "" }] });
            }}
            data-testid="answer-add"
          >
            {t("scripts.addAnswer")}
          </Button>
        </Group>
      </Stack>
      {stepProblems.length ? (
        <List size="xs" c="red.7" mt={6} data-testid="step-problems">
          {stepProblems.map((p, i) => (
            <List.Item key={i}>{problemText(p)}</List.Item>
          ))}
        </List>
      ) : null}
    </Paper>
  );
}
