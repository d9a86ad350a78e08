import { useTranslation } from "react-i18next";
import { Badge } from "@mantine/core";
import type { ReportStatus } from "../api/types";

export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = { progressing: "teal", stalled: "yellow", hopeless: "red", sold: "blue" };

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={REPORT_STATUS_COLORS[status]} radius="sm" data-testid="report-status-badge" data-status={status}>
      {t(`weeklyReports.status.${status}`)}
    </Badge>
  );
}
