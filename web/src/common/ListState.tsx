import type { ReactNode } from "react";
import { Center, Loader, Stack, Text, ThemeIcon, type MantineColor, type MantineSpacing, type StyleProp } from "@mantine/core";

type Props = {
  /** The query is still loading: show a small centred loader. */
  pending: boolean;
  /** Loaded and nothing to show (the caller decides whether an error counts). */
  empty: boolean;
  testId?: string;
  /** Vertical padding of the centred block; "xl" for a plain message, 48 with an icon. */
  py?: StyleProp<MantineSpacing>;
  /** With an icon the empty state is a column: the icon in a light ThemeIcon, a bold title, and the children as a dimmed hint. */
  icon?: ReactNode;
  iconColor?: MantineColor;
  title?: ReactNode;
  children?: ReactNode;
};

/** What a list shows under its table while it loads, or when it came back empty. */
export function ListState({ pending, empty, testId, py, icon, iconColor = "gray", title, children }: Props) {
  if (pending) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (!empty) return null;
  if (icon) {
    return (
      <Center py={py ?? 48}>
        <Stack align="center" gap={6} data-testid={testId}>
          <ThemeIcon size={44} radius="xl" variant="light" color={iconColor}>
            {icon}
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
          {children ? (
            <Text c="dimmed" size="sm">
              {children}
            </Text>
          ) : null}
        </Stack>
      </Center>
    );
  }
  return (
    <Center py={py ?? "xl"}>
      <Text c="dimmed" size="sm" data-testid={testId}>
        {children}
      </Text>
    </Center>
  );
}
