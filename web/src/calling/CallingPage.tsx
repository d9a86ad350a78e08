import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Center, Group, Kbd, Loader, Paper, Radio, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useWindowEvent } from "@mantine/hooks";
import { IconBook2, IconCoffee, IconPhoneCall, IconPlayerPause, IconPlayerPlay } from "@tabler/icons-react";
import type { CallingItem } from "../api/types";
import { worksCallLists } from "../auth/permissions";
import { useUser } from "../auth/session";
import { useCallLists } from "../callLists/queries";
import { ErrorAlert } from "../common/ErrorAlert";
import { Forbidden } from "../layout/StatePage";
import { CallWorkspace } from "./CallWorkspace";
import { InstructionsDrawer } from "./InstructionsDrawer";
import { isTyping } from "./keys";
import { useCurrentCall, useRelease, useTakeNext } from "./queries";
import { TodayResults } from "./TodayResults";

/** The caller's home: one company at a time from their call lists, and today's results. */
export function CallingPage() {
  const user = useUser();
  if (!worksCallLists(user)) return <Forbidden />;
  return <Calling />;
}

function Calling() {
  const { t } = useTranslation();
  const current = useCurrentCall();
  const release = useRelease();
  const [instructions, setInstructions] = useState(false);
  const [nothingDue, setNothingDue] = useState(false);
  const item = current.data ?? null;

  const onLogged = (next: CallingItem | null) => setNothingDue(next === null);

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Title order={2} fz={24}>
            {t("calling.title")}
          </Title>
        </Group>
        <Group gap="sm" wrap="wrap">
          <TodayResults />
          <Button variant="default" leftSection={<IconBook2 size={16} />} onClick={() => setInstructions(true)} data-testid="instructions-open">
            {t("calling.instructions")}
          </Button>
          {item ? (
            <Button
              variant="default"
              leftSection={<IconPlayerPause size={16} />}
              loading={release.isPending}
              onClick={() => release.mutate(item.company.id, { onSuccess: () => setNothingDue(false) })}
              data-testid="calling-pause"
            >
              {t("calling.pause")}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={current.error ?? release.error} />
      {current.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : item ? (
        <CallWorkspace key={item.company.id} item={item} onLogged={onLogged} />
      ) : (
        <StartCalling nothingDue={nothingDue} onNothingDue={setNothingDue} />
      )}
      <InstructionsDrawer opened={instructions} onClose={() => setInstructions(false)} />
    </Stack>
  );
}

/** Before the first call, and whenever nothing is due: pick a list and start. */
function StartCalling({ nothingDue, onNothingDue }: { nothingDue: boolean; onNothingDue(value: boolean): void }) {
  const { t } = useTranslation();
  const lists = useCallLists();
  const takeNext = useTakeNext();
  const [picked, setPicked] = useState<string>("any");
  const items = lists.data ?? [];
  const totalDue = items.reduce((n, l) => n + l.due, 0);

  const start = () => {
    if (takeNext.isPending) return;
    takeNext.mutate(picked === "any" ? undefined : Number(picked), { onSuccess: ({ item }) => onNothingDue(item === null) });
  };

  useWindowEvent("keydown", (event) => {
    if (event.key === "Enter" && !isTyping(event) && items.length > 0) {
      event.preventDefault();
      start();
    }
  });

  if (lists.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }

  if (items.length === 0) {
    return (
      <Center py={60} data-testid="calling-no-lists">
        <Stack align="center" gap="sm" maw={440}>
          <ThemeIcon size={56} radius="xl" variant="light" color="gray">
            <IconPhoneCall size={28} />
          </ThemeIcon>
          <Title order={3} ta="center">
            {t("calling.noListsTitle")}
          </Title>
          <Text c="dimmed" ta="center">
            {t("calling.noListsText")}
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Center py={nothingDue ? 40 : 24}>
      <Paper withBorder radius="md" p="lg" w="100%" maw={560} data-testid="calling-start">
        <Stack gap="md">
          {nothingDue ? (
            <Group gap="sm" wrap="nowrap" data-testid="calling-nothing-due">
              <ThemeIcon size={40} radius="xl" variant="light" color="teal">
                <IconCoffee size={22} />
              </ThemeIcon>
              <Stack gap={0}>
                <Text fw={650}>{t("calling.nothingDueTitle")}</Text>
                <Text size="sm" c="dimmed">
                  {t("calling.nothingDueText")}
                </Text>
              </Stack>
            </Group>
          ) : (
            <Stack gap={2}>
              <Text fw={650}>{t("calling.startTitle")}</Text>
              <Text size="sm" c="dimmed">
                {t("calling.startText", { count: totalDue })}
              </Text>
            </Stack>
          )}
          <ErrorAlert error={lists.error ?? takeNext.error} />
          {items.length > 1 ? (
            <Radio.Group value={picked} onChange={setPicked} data-testid="calling-list-picker">
              <Stack gap={6}>
                <ListChoice value="any" label={t("calling.allLists")} due={totalDue} />
                {items.map((l) => (
                  <ListChoice key={l.id} value={String(l.id)} label={l.name} due={l.due} />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Group justify="space-between" px="sm" py={8} style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 6 }}>
              <Text size="sm" fw={500}>
                {items[0]!.name}
              </Text>
              <DueBadge due={items[0]!.due} />
            </Group>
          )}
          <Button size="md" leftSection={<IconPlayerPlay size={18} />} rightSection={<Kbd size="xs">Enter</Kbd>} onClick={start} loading={takeNext.isPending} data-testid="calling-start-button">
            {nothingDue ? t("calling.checkAgain") : t("calling.start")}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

function DueBadge({ due }: { due: number }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={due > 0 ? "blue" : "gray"} radius="sm">
      {t("callLists.dueCount", { count: due })}
    </Badge>
  );
}

function ListChoice({ value, label, due }: { value: string; label: string; due: number }) {
  return (
    <Radio.Card value={value} radius="sm" px="sm" py={8} data-testid="calling-list-choice">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Radio.Indicator size="xs" />
          <Text size="sm" fw={500}>
            {label}
          </Text>
        </Group>
        <DueBadge due={due} />
      </Group>
    </Radio.Card>
  );
}
