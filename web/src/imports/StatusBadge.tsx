import { useTranslation } from "react-i18next";
import { Badge, type MantineColor } from "@mantine/core";
import type { ImportStatus } from "./types";

const COLORS: Record<ImportStatus, MantineColor> = { uploaded: "gray", dry_run: "grape", running: "blue", done: "teal", failed: "red" };

export function StatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} radius="sm" data-testid="import-status" data-status={status}>
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
