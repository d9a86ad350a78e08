import type { TFunction } from "i18next";

/** "3 d 4 h", "1 h 05 min", "12 min": how long until (or since) a deadline, for a dense table. */
export function durationText(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t("queue.duration.dh", { d: days, h: hours });
  if (hours > 0) return t("queue.duration.hm", { h: hours, m: String(mins).padStart(2, "0") });
  return t("queue.duration.m", { m: mins });
}
