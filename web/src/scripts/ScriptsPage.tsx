import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Badge, Button, Center, Grid, Group, Loader, NavLink, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus, IconScript } from "@tabler/icons-react";
import { managesCallLists } from "../auth/permissions";
import { useUser } from "../auth/session";
import { ErrorAlert } from "../common/ErrorAlert";
import { formatShort } from "../i18n/format";
import { Forbidden } from "../layout/StatePage";
import { useScripts } from "./queries";
import { ScriptEditor } from "./ScriptEditor";

/** The head's call scripts: a list on the left, the branching editor on the right. */
export function ScriptsPage() {
  const user = useUser();
  if (!managesCallLists(user)) return <Forbidden />;
  return <Scripts />;
}

function Scripts() {
  const { t } = useTranslation();
  const scripts = useScripts();
  const [params, setParams] = useSearchParams();
  const selected = params.get("id");
  const items = scripts.data ?? [];
  const current = selected && selected !== "new" ? items.find((s) => String(s.id) === selected) : undefined;
  const select = (id: string) => setParams({ id }, { replace: true });

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("scripts.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("scripts.subtitle")}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={() => select("new")} data-testid="script-new">
          {t("scripts.new")}
        </Button>
      </Group>
      <ErrorAlert error={scripts.error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder radius="md" p={4}>
            {scripts.isPending ? (
              <Center py="md">
                <Loader size="sm" />
              </Center>
            ) : items.length === 0 ? (
              <Text size="sm" c="dimmed" p="sm">
                {t("scripts.empty")}
              </Text>
            ) : (
              items.map((s) => (
                <NavLink
                  key={s.id}
                  active={String(s.id) === selected}
                  onClick={() => select(String(s.id))}
                  leftSection={<IconScript size={16} />}
                  label={s.name}
                  description={t("scripts.updated", { date: formatShort(s.updatedAt) })}
                  rightSection={
                    <Badge size="xs" variant="light" color="gray" radius="sm">
                      v{s.version}
                    </Badge>
                  }
                  style={{ borderRadius: 4 }}
                  data-testid="script-item"
                />
              ))
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {selected === "new" || current ? (
            <ScriptEditor key={current ? `${current.id}-${current.versionId}` : "new"} script={current ?? null} onSaved={(s) => select(String(s.id))} />
          ) : (
            <Center py={60}>
              <Text c="dimmed" size="sm">
                {items.length ? t("scripts.pick") : t("scripts.emptyHint")}
              </Text>
            </Center>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
