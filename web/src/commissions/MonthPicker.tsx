import { useTranslation } from "react-i18next";
import { ActionIcon, Group, Select } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { monthLabel, monthsBetween, shiftMonth } from "./months";

/** How many months back the picker lists (older ones are a step of the arrow away). */
const MONTHS_BACK = 24;

/** A month with steps back and forward; never past the current month. */
export function MonthPicker({ value, current, onChange }: { value: string; current: string; onChange(month: string): void }) {
  const { t } = useTranslation();
  const months = monthsBetween(shiftMonth(current, -MONTHS_BACK), current);
  if (!months.includes(value)) months.push(value);
  return (
    <Group gap={4} wrap="nowrap" data-testid="commission-month">
      <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftMonth(value, -1))} aria-label={t("commissions.previousMonth")} data-testid="commission-month-previous">
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Select
        w={340}
        aria-label={t("commissions.month")}
        data={months.map((m) => ({ value: m, label: m === current ? `${monthLabel(m)} · ${t("commissions.thisMonth")}` : monthLabel(m) }))}
        value={value}
        onChange={(v) => v && onChange(v)}
        allowDeselect={false}
        data-testid="commission-month-select"
      />
      <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftMonth(value, 1))} disabled={value >= current} aria-label={t("commissions.nextMonth")} data-testid="commission-month-next">
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}
