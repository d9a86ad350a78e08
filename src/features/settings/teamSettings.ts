import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/connect.js";
import { settings } from "../../db/schema.js";
import { DEFAULT_CADENCE_DAYS } from "../../domain/cadence.js";
import { DEFAULT_DEAL_STAGES } from "../../domain/deals.js";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "../../domain/workingTime.js";

/** The department's rules that the head may change; stored as one row, defaults filled in. */
export interface TeamSettings {
  workingHours: WorkingHours;
  /** New leads a sales manager takes per day unless their own cap says otherwise. */
  defaultDailyLeadCap: number;
  /** Working minutes a manager has for the first contact with a new lead. */
  firstContactMinutes: number;
  /** The open stages of a deal, in order (won and lost are always there). */
  dealStages: string[];
  /** How far ahead a deal may be postponed. */
  maxPostponeDays: number;
  /** Weekly contact system: every live company is touched at least this often (days). */
  cadenceDays: number;
  /** Tier 3: remind the account manager this many days before a customer's expected purchase. */
  reorderReminderDays: number;
}

const KEY = "team";

export function defaultSettings(timeZone: string): TeamSettings {
  return {
    workingHours: { ...DEFAULT_WORKING_HOURS, timeZone },
    defaultDailyLeadCap: 20,
    firstContactMinutes: 60,
    dealStages: [...DEFAULT_DEAL_STAGES],
    maxPostponeDays: 180,
    cadenceDays: DEFAULT_CADENCE_DAYS,
    reorderReminderDays: 3,
  };
}

export async function readSettings(db: DbOrTx, timeZone: string): Promise<TeamSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  const stored = (row?.value ?? {}) as Partial<TeamSettings>;
  const defaults = defaultSettings(timeZone);
  return { ...defaults, ...stored, workingHours: { ...defaults.workingHours, ...(stored.workingHours ?? {}) } };
}

export async function writeSettings(db: DbOrTx, value: TeamSettings): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
