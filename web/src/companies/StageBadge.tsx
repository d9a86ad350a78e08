import { useTranslation } from "react-i18next";
import { Badge } from "@mantine/core";
import type { Stage } from "../api/types";
import { STAGE_COLORS } from "./stages";

export function StageBadge({ stage, size = "sm" }: { stage: Stage; size?: "xs" | "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" size={size} radius="sm" data-testid="stage-badge" data-stage={stage}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}
