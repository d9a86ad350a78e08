import { useTranslation } from "react-i18next";
import { ActionIcon, Group, Select } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { currentLanguage, LOCALES } from "../i18n";
import { addDaysIso, isoDay } from "./targets";

/** How many weeks back the picker offers. */
const WEEKS_BACK = 26;

/** The Monday of the week a day (YYYY-MM-DD) falls in. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T12:00:00`);
  return addDaysIso(day, -((d.getDay() + 6) % 7));
}

/** This week's Monday by the browser's clock (the server's answer wins once it is known). */
export const thisMonday = () => mondayOf(isoDay(new Date()));

/** "3–9 Mar 2025", "28 Apr – 4 May 2025" */
export function weekLabel(monday: string): string {
  const from = new Date(`${monday}T12:00:00`);
  const to = new Date(`${addDaysIso(monday, 6)}T12:00:00`);
  const f = new Intl.DateTimeFormat(LOCALES[currentLanguage()], { day: "numeric", month: "short", year: "numeric" });
  return f.formatRange(from, to);
}

/** A week by its Monday: a list of recent weeks with steps back and forward; never past the current week. */
export function WeekPicker({ value, current, onChange }: { value: string; current: string; onChange(week: string): void }) {
  const { t } = useTranslation();
  const weeks = Array.from({ length: WEEKS_BACK }, (_, i) => addDaysIso(current, -7 * i));
  if (!weeks.includes(value)) weeks.push(value);
  return (
    <Group gap={4} wrap="nowrap" data-testid="week-picker">
      <ActionIcon variant="default" size="lg" onClick={() => onChange(addDaysIso(value, -7))} aria-label={t("weeklyReports.previousWeek")} data-testid="week-previous">
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Select
        w={320}
        aria-label={t("weeklyReports.week")}
        data={weeks.map((w) => ({ value: w, label: w === current ? `${weekLabel(w)} · ${t("weeklyReports.thisWeek")}` : weekLabel(w) }))}
        value={value}
        onChange={(v) => v && onChange(v)}
        allowDeselect={false}
        data-testid="week-select"
      />
      <ActionIcon variant="default" size="lg" onClick={() => onChange(addDaysIso(value, 7))} disabled={value >= current} aria-label={t("weeklyReports.nextWeek")} data-testid="week-next">
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}
