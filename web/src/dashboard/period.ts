import { addDays, isoDay } from "../results/queries";

/** The period presets of the dashboard's picker; "custom" takes the two days typed in. */
export const PRESETS = ["thisWeek", "last30", "thisMonth", "lastMonth", "thisQuarter", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

export const isPreset = (value: string | null): value is Preset => value !== null && (PRESETS as readonly string[]).includes(value);

/** The days a preset stands for on `today` (local calendar days, the team's). */
export function presetRange(preset: Exclude<Preset, "custom">, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case "thisWeek":
      return { from: isoDay(addDays(today, -((today.getDay() + 6) % 7))), to: isoDay(today) };
    case "last30":
      return { from: isoDay(addDays(today, -29)), to: isoDay(today) };
    case "thisMonth":
      return { from: isoDay(new Date(y, m, 1)), to: isoDay(today) };
    case "lastMonth":
      return { from: isoDay(new Date(y, m - 1, 1)), to: isoDay(new Date(y, m, 0)) };
    case "thisQuarter":
      return { from: isoDay(new Date(y, m - (m % 3), 1)), to: isoDay(today) };
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filter the URL asks for: a preset (last 30 days unless told), or a custom range with both
 * days; a custom range missing a day falls back to the default preset.
 */
export function filterFromUrl(params: URLSearchParams, today: Date): { preset: Preset; from: string; to: string; team: string | null } {
  const team = params.get("team") || null;
  const asked = params.get("period");
  const from = params.get("from");
  const to = params.get("to");
  if (asked === "custom" && from && to && DAY.test(from) && DAY.test(to)) return { preset: "custom", from, to, team };
  const preset: Exclude<Preset, "custom"> = isPreset(asked) && asked !== "custom" ? asked : "last30";
  return { preset, ...presetRange(preset, today), team };
}
