import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Badge, Button, Group, List, Menu, Paper, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconHistory, IconPlus } from "@tabler/icons-react";
import type { Script, ScriptBody, ScriptProblem, ScriptStep } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatDateTime } from "../i18n/format";
import { problemsOf, problemText, serverProblems } from "./problems";
import { useSaveScript, useScriptVersions } from "./queries";
import { StepEditor } from "./StepEditor";
import { nextId } from "./walk";

const BLANK: ScriptBody = { start: "s1", steps: [{ id: "s1", say: "", answers: [{ id: "a1", label: "" }] }] };

/** Write or change a branching script; every save is a new version, the calls keep the version they used. */
export function ScriptEditor({ script, onSaved }: { script: Script | null; onSaved(script: Script): void }) {
  const { t } = useTranslation();
  const save = useSaveScript();
  const versions = useScriptVersions(script?.id ?? null);
  const [name, setName] = useState(script?.name ?? "");
  const [body, setBody] = useState<ScriptBody>(script?.body ?? BLANK);
  const [touched, setTouched] = useState(false);

  const live = problemsOf(body);
  const fromServer = serverProblems(save.error);
  const seen = new Set<string>();
  const problems = [...fromServer, ...live].filter((p) => {
    const key = JSON.stringify([p.problem, p.stepId, p.answerId]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const general = problems.filter((p) => !p.stepId || !body.steps.some((s) => s.id === p.stepId));
  const text = (p: ScriptProblem) => problemText(t, p, body);

  const change = (next: ScriptBody) => {
    setBody(next);
    setTouched(true);
  };
  const setStep = (i: number, step: ScriptStep) => change({ ...body, steps: body.steps.map((s, j) => (j === i ? step : s)) });
  const addStep = (): [ScriptBody, string] => {
    const id = nextId("s", body.steps.map((s) => s.id));
    return [{ ...body, steps: [...body.steps, { id, say: "", answers: [{ id: "a1", label: "" }] }] }, id];
  };
  const removeStep = (i: number) => {
    const gone = body.steps[i]!.id;
    const steps = body.steps
      .filter((_, j) => j !== i)
      .map((s) => ({ ...s, answers: s.answers.map((a) => (a.next === gone ? { id: a.id, label: a.label } : a)) }));
    change({ start: body.start === gone ? (steps[0]?.id ?? "") : body.start, steps });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: script?.id ?? null, name: name.trim(), body },
      {
        onSuccess: ({ script: saved }) => {
          setTouched(false);
          notifications.show({ color: "teal", message: t("scripts.saved", { version: saved.version }) });
          onSaved(saved);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="script-editor">
      <Stack gap="sm">
        <Paper withBorder radius="md" p="sm">
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t("scripts.name")}
              placeholder={t("scripts.namePlaceholder")}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setTouched(true);
              }}
              required
              maxLength={200}
              data-testid="script-name"
            />
            {script ? (
              <Menu position="bottom-end" shadow="md" width={240}>
                <Menu.Target>
                  <Button variant="default" leftSection={<IconHistory size={16} />} data-testid="script-versions">
                    <Badge variant="light" radius="sm" data-testid="script-version">
                      v{script.version}
                    </Badge>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t("scripts.versions")}</Menu.Label>
                  {(versions.data ?? []).map((v) => (
                    <Menu.Item key={v.versionId} rightSection={<Text size="xs" c="dimmed">{formatDateTime(v.createdAt)}</Text>}>
                      v{v.version}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            ) : null}
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!name.trim() || (script !== null && !touched)} data-testid="script-save">
              {script ? t("scripts.saveVersion", { version: script.version + 1 }) : t("scripts.create")}
            </Button>
          </Group>
          <Group gap={6} mt={8}>
            {problems.length === 0 ? (
              <>
                <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" />
                <Text size="xs" c="teal.8" data-testid="script-sound">
                  {t("scripts.sound")}
                </Text>
              </>
            ) : (
              <>
                <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />
                <Text size="xs" c="orange.8" data-testid="script-problem-count">
                  {t("scripts.problemCount", { count: problems.length })}
                </Text>
              </>
            )}
          </Group>
        </Paper>

        {save.error && fromServer.length === 0 ? <ErrorAlert error={save.error} /> : null}
        {general.length ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t("errors.invalid_script")} data-testid="script-problems">
            <List size="sm">
              {general.map((p, i) => (
                <List.Item key={i}>{text(p)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}

        {body.steps.map((step, i) => (
          <StepEditor
            key={step.id}
            step={step}
            number={i + 1}
            steps={body.steps}
            isStart={body.start === step.id}
            problems={problems.filter((p) => p.stepId === step.id)}
            problemText={text}
            onChange={(s) => setStep(i, s)}
            onRemove={() => removeStep(i)}
            onMakeStart={() => change({ ...body, start: step.id })}
            onNewStepAfter={(answerIndex) => {
              const [next, id] = addStep();
              next.steps[i] = { ...step, answers: step.answers.map((a, j) => (j === answerIndex ? { id: a.id, label: a.label, next: id } : a)) };
              change(next);
            }}
          />
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => change(addStep()[0])} data-testid="step-add">
            {t("scripts.addStep")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
