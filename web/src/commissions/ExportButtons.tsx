import { useTranslation } from "react-i18next";
import { Button, Group } from "@mantine/core";
import { IconFileSpreadsheet, IconFileTypeCsv } from "@tabler/icons-react";
import { exportUrl } from "../exports/exportUrl";

/** Plain download links: the browser saves the file the server names (commissions-YYYY-MM.csv|xlsx). */
export function ExportButtons({ month, userId, testId = "commission-export" }: { month: string; userId?: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component="a" href={exportUrl("/api/commissions/export", "xlsx", { month, userId })} download variant="light" size="sm" leftSection={<IconFileSpreadsheet size={16} />} data-testid={`${testId}-xlsx`}>
        {t("commissions.exportXlsx")}
      </Button>
      <Button component="a" href={exportUrl("/api/commissions/export", "csv", { month, userId })} download variant="default" size="sm" leftSection={<IconFileTypeCsv size={16} />} data-testid={`${testId}-csv`}>
        {t("commissions.exportCsv")}
      </Button>
    </Group>
  );
}
