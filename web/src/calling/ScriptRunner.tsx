import { useTranslation } from "react-i18next";
import { ActionIcon, Badge, Box, Button, Group, Kbd, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconArrowBackUp, IconFlag, IconRefresh, IconScript } from "@tabler/icons-react";
import type { Script } from "../api/types";
import { walkScript } from "../scripts/walk";

const ANSWER_KEYS = ["q", "w", "e", "r", "t", "y", "u"];
export const answerKey = (index: number) => ANSWER_KEYS[index];

/**
 * The script step by step: the line to say now, the prospect's possible answers as buttons
 * (Q, W, E… on the keyboard), and the trail of answers so far. An answer that ends the call
 * hands its outcome to the outcome panel.
 */
export function ScriptRunner({ script, path, onChange }: { script: Script; path: string[]; onChange(path: string[]): void }) {
  const { t } = useTranslation();
  const position = walkScript(script.body, path);
  const stepNumber = (id: string) => script.body.steps.findIndex((s) => s.id === id) + 1;

  return (
    <Paper withBorder radius="md" p="md" data-testid="script-runner">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconScript size={18} color="var(--mantine-color-dimmed)" />
          <Title order={4} fz="md">
            {script.name}
          </Title>
          <Badge variant="light" color="gray" size="sm" radius="sm">
            v{script.version}
          </Badge>
        </Group>
        <Group gap={4}>
          <Tooltip label={t("calling.script.back")}>
            <ActionIcon variant="subtle" color="gray" disabled={path.length === 0} onClick={() => onChange(path.slice(0, -1))} aria-label={t("calling.script.back")} data-testid="script-back">
              <IconArrowBackUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t("calling.script.restart")}>
            <ActionIcon variant="subtle" color="gray" disabled={path.length === 0} onClick={() => onChange([])} aria-label={t("calling.script.restart")} data-testid="script-restart">
              <IconRefresh size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      {position.trail.length > 0 ? (
        <Stack gap={4} mb="sm" data-testid="script-trail">
          {position.trail.map(({ step, answer }) => (
            <Group key={step.id} gap={8} wrap="nowrap" align="baseline">
              <Text size="xs" c="dimmed" w={22} ta="right" style={{ flexShrink: 0 }}>
                {stepNumber(step.id)}.
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
                {step.say}
              </Text>
              <Badge size="sm" variant="light" color="blue" radius="sm" style={{ flexShrink: 0, maxWidth: "45%" }}>
                {answer.label}
              </Badge>
            </Group>
          ))}
        </Stack>
      ) : null}

      {position.current ? (
        <Box data-testid="script-step" data-step={position.current.id}>
          <Box p="sm" mb="sm" bg="var(--mantine-color-blue-0)" style={{ borderLeft: "3px solid var(--mantine-color-blue-5)", borderRadius: 4 }}>
            <Text size="xs" c="blue.8" fw={600} mb={2} tt="uppercase" style={{ letterSpacing: 0.4 }}>
              {t("calling.script.say", { n: stepNumber(position.current.id) })}
            </Text>
            <Text size="md" style={{ whiteSpace: "pre-wrap" }} data-testid="script-say">
              {position.current.say}
            </Text>
          </Box>
          <Text size="xs" c="dimmed" mb={6}>
            {t("calling.script.theyAnswer")}
          </Text>
          <Group gap="xs">
            {position.current.answers.map((answer, i) => (
              <Button
                key={answer.id}
                variant="default"
                size="sm"
                onClick={() => onChange([...path, answer.id])}
                rightSection={answerKey(i) ? <Kbd size="xs">{answerKey(i)!.toUpperCase()}</Kbd> : null}
                leftSection={answer.outcome ? <IconFlag size={14} color="var(--mantine-color-dimmed)" /> : null}
                data-testid="script-answer"
                data-answer={answer.id}
              >
                {answer.label}
              </Button>
            ))}
          </Group>
        </Box>
      ) : (
        <Group gap="xs" data-testid="script-finished">
          <IconFlag size={16} color="var(--mantine-color-teal-6)" />
          <Text size="sm">
            {position.outcome ? t("calling.script.finishedWith", { outcome: t(`activity.outcomes.${position.outcome}`) }) : t("calling.script.finished")}
          </Text>
        </Group>
      )}
    </Paper>
  );
}
