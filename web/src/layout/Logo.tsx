import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconArrowsRight } from "@tabler/icons-react";

export function Logo({ size = 28, withName = false }: { size?: number; withName?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size} radius="md" variant="gradient" gradient={{ from: "blue.7", to: "cyan.6", deg: 135 }}>
        <IconArrowsRight size={Math.round(size * 0.6)} stroke={2.2} />
      </ThemeIcon>
      {withName ? (
        <Text fw={700} size="lg" lh={1}>
          Conveyor
        </Text>
      ) : null}
    </Group>
  );
}
