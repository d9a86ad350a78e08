import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/connect.js";
import { settings } from "../../db/schema.js";
import { DEFAULT_CADENCE_DAYS } from "../../domain/cadence.js";
import { DEFAULT_DEAL_STAGES } from "../../domain/deals.js";
import { DEFAULT_SOURCE_WATCH, type SourceWatchSettings } from "../../domain/sourceWatch.js";
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
  rotation: RotationSettings;
  /** The lead source quality watch: conversion drops and spam-like patterns (see domain/sourceWatch). */
  sourceWatch: SourceWatchSettings;
  /** Imports read phones written without a country code as this country's (ISO 3166 alpha-2). */
  importDefaultCountry: string;
}

/** The rotation policy of "dead" clients (see domain/rotation). */
export interface RotationSettings {
  /** Sales period: computed from at least this many sales, else the fallback; an override wins. */
  salesPeriodMinCases: number;
  salesPeriodFallbackDays: number;
  salesPeriodOverrideDays: number | null;
  /** Terms in tier 1 too (tier 2 always has them). */
  termsInTier1: boolean;
  /** A company in a group of related companies gets a term this many times longer. */
  groupTermMultiplier: number;
  /** No call, meeting or email for this many days puts a holding on the head's list (0: never). */
  inactiveDays: number;
  /** The farthest an extension may reach. */
  maxExtensionDays: number;
  /** Days a transferred client rests before its next holder. */
  restDays: number;
  /** Somebody who held a client within this many days is not its next holder. */
  holderCooldownDays: number;
  /** Pick the next holder by conversion in the client's segment rather than by load. */
  preferBestConverter: boolean;
  /** The quality signal counts a later sale within this many days of losing the client. */
  qualityWindowDays: number;
}

export const DEFAULT_ROTATION_SETTINGS: RotationSettings = {
  salesPeriodMinCases: 10,
  salesPeriodFallbackDays: 30,
  salesPeriodOverrideDays: null,
  termsInTier1: false,
  groupTermMultiplier: 1.5,
  inactiveDays: 21,
  maxExtensionDays: 90,
  restDays: 14,
  holderCooldownDays: 180,
  preferBestConverter: false,
  qualityWindowDays: 180,
};

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
    rotation: { ...DEFAULT_ROTATION_SETTINGS },
    sourceWatch: { ...DEFAULT_SOURCE_WATCH },
    importDefaultCountry: "UA",
  };
}

export async function readSettings(db: DbOrTx, timeZone: string): Promise<TeamSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  const stored = (row?.value ?? {}) as Partial<TeamSettings>;
  const defaults = defaultSettings(timeZone);
  return {
    ...defaults,
    ...stored,
    workingHours: { ...defaults.workingHours, ...(stored.workingHours ?? {}) },
    rotation: { ...defaults.rotation, ...(stored.rotation ?? {}) },
    sourceWatch: { ...defaults.sourceWatch, ...(stored.sourceWatch ?? {}) },
  };
}

export async function writeSettings(db: DbOrTx, value: TeamSettings): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** Only the rotation policy, for hand-offs that set a term (the time zone only fills in working hours). */
export async function readRotationSettings(db: DbOrTx): Promise<RotationSettings> {
  return (await readSettings(db, DEFAULT_WORKING_HOURS.timeZone)).rotation;
}
