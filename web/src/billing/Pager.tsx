import { useTranslation } from "react-i18next";
import { Group, Pagination, Text } from "@mantine/core";

/** "21–40 of 75" and the page buttons under a list that the server pages by limit and offset. */
export function Pager({ page, pageSize, total, shown, onChange, testId }: { page: number; pageSize: number; total: number; shown: number; onChange(page: number): void; testId: string }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = page * pageSize + 1;
  return (
    <Group justify="space-between" data-testid={testId}>
      <Text size="sm" c="dimmed" data-testid={`${testId}-range`}>
        {shown > 0 ? t("billing.range", { from, to: from + shown - 1, total }) : ""}
      </Text>
      {pages > 1 ? <Pagination size="sm" total={pages} value={Math.min(page + 1, pages)} onChange={(p) => onChange(p - 1)} /> : null}
    </Group>
  );
}
