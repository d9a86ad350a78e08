import { useTranslation } from "react-i18next";
import { Button, Menu } from "@mantine/core";
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from "@tabler/icons-react";
import { exportUrl } from "./exportUrl";
import type { ExportFilters } from "./types";

/**
 * "Export" on a list: XLSX or CSV of every row the current filters select (not only the page on
 * screen). Shown to the roles that may export the list; the server checks again and logs it.
 */
export function ExportMenu({ path, filters, testId }: { path: string; filters: ExportFilters; testId: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} data-testid={testId}>
          {t("exports.menu")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("exports.menuHint")}</Menu.Label>
        <Menu.Item component="a" href={exportUrl(path, "xlsx", filters)} download leftSection={<IconFileSpreadsheet size={16} />} data-testid={`${testId}-xlsx`}>
          {t("exports.xlsx")}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(path, "csv", filters)} download leftSection={<IconFileTypeCsv size={16} />} data-testid={`${testId}-csv`}>
          {t("exports.csv")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
