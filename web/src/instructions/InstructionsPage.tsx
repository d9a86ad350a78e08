import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Center, Grid, Group, Loader, NavLink, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBook2, IconDeviceFloppy, IconPlus } from "@tabler/icons-react";
import { fieldProblems, problemFor } from "../api/errors";
import type { Instruction } from "../api/types";
import { managesCallLists } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { useInstructions, useSaveInstruction } from "./queries";

/** "What to do when…" pages: the head writes them, callers open them mid-call. */
export function InstructionsPage() {
  const user = useUser();
  if (!managesCallLists(user)) return <Forbidden />;
  return <Instructions />;
}

function Instructions() {
  const { t } = useTranslation();
  const instructions = useInstructions();
  const [selected, setSelected] = useState<number | "new" | null>(null);
  const items = instructions.data ?? [];
  const current = typeof selected === "number" ? items.find((i) => i.id === selected) : undefined;

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("instructions.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("instructions.subtitle")}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setSelected("new")} data-testid="instruction-new">
          {t("instructions.new")}
        </Button>
      </Group>
      <ErrorAlert error={instructions.error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p={4}>
            {instructions.isPending ? (
              <Center py="md">
                <Loader size="sm" />
              </Center>
            ) : items.length === 0 ? (
              <Text size="sm" c="dimmed" p="sm">
                {t("instructions.empty")}
              </Text>
            ) : (
              items.map((i) => (
                <NavLink
                  key={i.id}
                  active={i.id === selected}
                  onClick={() => setSelected(i.id)}
                  leftSection={<IconBook2 size={16} />}
                  label={i.title}
                  description={formatShort(i.updatedAt)}
                  style={{ borderRadius: 4 }}
                  data-testid="instruction-item"
                />
              ))
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected === "new" || current ? (
            <InstructionEditor key={current?.id ?? "new"} instruction={current ?? null} onSaved={(i) => setSelected(i.id)} />
          ) : (
            <Center py={60}>
              <Text c="dimmed" size="sm">
                {items.length ? t("instructions.pick") : t("instructions.emptyHint")}
              </Text>
            </Center>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function InstructionEditor({ instruction, onSaved }: { instruction: Instruction | null; onSaved(i: Instruction): void }) {
  const { t } = useTranslation();
  const save = useSaveInstruction();
  const [title, setTitle] = useState(instruction?.title ?? "");
  const [body, setBody] = useState(instruction?.body ?? "");
  const problems = fieldProblems(t, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: instruction?.id ?? null, title: title.trim(), body },
      {
        onSuccess: ({ instruction: saved }) => {
          notifications.show({ color: "teal", message: t("instructions.saved") });
          onSaved(saved);
        },
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} data-testid="instruction-editor">
      <Stack gap="sm">
        <TextInput
          label={t("instructions.titleField")}
          placeholder={t("instructions.titlePlaceholder")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={200}
          error={problemFor(problems, "title")}
          data-testid="instruction-title"
        />
        <Textarea
          label={t("instructions.body")}
          placeholder={t("instructions.bodyPlaceholder")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={10}
          maxRows={30}
          required
          maxLength={50_000}
          error={problemFor(problems, "body")}
          data-testid="instruction-body"
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!title.trim() || !body.trim()} data-testid="instruction-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
