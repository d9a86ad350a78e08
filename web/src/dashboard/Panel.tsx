import type { ReactNode } from "react";
import { Center, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { ErrorAlert } from "../common/ErrorAlert";

/** One card of the dashboard: a title, its figures once they load, or why they did not. */
export function Panel({ title, hint, testId, pending, error, aside, children }: { title: string; hint?: string; testId: string; pending: boolean; error: unknown; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} fz={17}>
              {title}
            </Title>
            {hint ? (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            ) : null}
          </Stack>
          {aside}
        </Group>
        <ErrorAlert error={error} />
        {pending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : error ? null : (
          children
        )}
      </Stack>
    </Paper>
  );
}
