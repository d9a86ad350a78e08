import type { Db } from "../../db/connect.js";
import { dayOf, type Day } from "../../domain/workingTime.js";
import { readSettings } from "../settings/teamSettings.js";

/** The team's time zone and today in it: exported times are the team's wall-clock times, and files are named by its day. */
export async function teamClock(db: Db, configTimeZone: string): Promise<{ timeZone: string; today: Day }> {
  const workingHours = (await readSettings(db, configTimeZone)).workingHours;
  return { timeZone: workingHours.timeZone, today: dayOf(new Date(), workingHours) };
}
