import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CADENCE_DAYS,
  TOUCH_KINDS,
  coverage,
  isLive,
  isTouch,
  nextTouchAfter,
  overdueTouches,
  touchStatus,
  type CadenceCompany,
} from "../../src/domain/cadence.js";
import { STAGES, type Stage } from "../../src/domain/conveyor.js";
import { daysBetween } from "../../src/domain/deals.js";
import { DEFAULT_WORKING_HOURS, dayOf, isWorkingDay, nextWorkingDay, type WorkingHours } from "../../src/domain/workingTime.js";

/** The team works Monday to Friday, 09:00–18:00 in Kyiv (UTC+2 until 30 March 2025, UTC+3 after). */
const kyiv = DEFAULT_WORKING_HOURS;
const at = (iso: string) => new Date(iso);
const kyivDay = (instant: Date) => dayOf(instant, kyiv);

describe("what counts as a touch", () => {
  it("is a call, a meeting or an email: the client heard from us", () => {
    expect([...TOUCH_KINDS]).toEqual(["call", "meeting", "email"]);
  });

  it.each(TOUCH_KINDS)("%s is a touch", (kind) => {
    expect(isTouch(kind)).toBe(true);
  });

  it.each(["note", "stage_change", "transfer", "script_answer", "proposal", "", "Call"])("%j is not a touch", (kind) => {
    expect(isTouch(kind)).toBe(false);
  });

  it("the default cadence is a week", () => {
    expect(DEFAULT_CADENCE_DAYS).toBe(7);
  });
});

describe("isLive: which companies are on the weekly cadence", () => {
  it.each([
    ["cold", 5, true],
    ["cold", null, false],
    ["lead", 5, true],
    ["lead", null, true],
    ["customer", 5, true],
    ["customer", null, true],
    ["resting", 5, false],
    ["resting", null, false],
    ["archived", 5, false],
    ["archived", null, false],
  ] as const)("a %s company held by %s: %s", (stage, holderId, live) => {
    expect(isLive({ stage, holderId })).toBe(live);
  });
});

describe("nextTouchAfter: the next touch, at most a cadence ahead, on a working day", () => {
  it.each([
    ["a Monday call", "2025-03-10T09:00:00Z", "2025-03-17T07:00:00Z"],
    ["a Wednesday meeting", "2025-03-12T15:00:00Z", "2025-03-19T07:00:00Z"],
    ["a Friday evening email", "2025-03-14T16:30:00Z", "2025-03-21T07:00:00Z"],
    ["a Saturday call (next Saturday is off: the Friday before)", "2025-03-15T10:00:00Z", "2025-03-21T07:00:00Z"],
    ["a Sunday call (the Friday before next Sunday)", "2025-03-16T10:00:00Z", "2025-03-21T07:00:00Z"],
    ["a Monday call before work starts", "2025-03-10T05:00:00Z", "2025-03-17T07:00:00Z"],
  ])("%s is due again at 09:00 Kyiv a week later", (_what, last, next) => {
    expect(nextTouchAfter(at(last), 7, kyiv)).toEqual(at(next));
  });

  it("counts days in the team's time zone: 01:30 Monday in Kyiv is still Sunday in UTC", () => {
    // Sunday 23:30 UTC is Monday 01:30 in Kyiv: the touch belongs to Monday, so next Monday.
    expect(nextTouchAfter(at("2025-03-16T23:30:00Z"), 7, kyiv)).toEqual(at("2025-03-24T07:00:00Z"));
    // The same instant for a team in UTC is a Sunday touch: due the Friday before next Sunday.
    const utc: WorkingHours = { ...kyiv, timeZone: "UTC" };
    expect(nextTouchAfter(at("2025-03-16T23:30:00Z"), 7, utc)).toEqual(at("2025-03-21T09:00:00Z"));
  });

  it("keeps 09:00 local across the switch to summer time (30 March 2025)", () => {
    expect(nextTouchAfter(at("2025-03-24T10:00:00Z"), 7, kyiv)).toEqual(at("2025-03-31T06:00:00Z"));
  });

  it.each([
    [1, "a Monday touch", "2025-03-10T10:00:00Z", "2025-03-11T07:00:00Z"],
    [1, "a Friday touch (no working day within a day: Monday)", "2025-03-14T10:00:00Z", "2025-03-17T07:00:00Z"],
    [2, "a Thursday touch (Saturday is off: Friday)", "2025-03-13T10:00:00Z", "2025-03-14T07:00:00Z"],
    [3, "a Friday touch", "2025-03-14T10:00:00Z", "2025-03-17T07:00:00Z"],
    [5, "a Wednesday touch (Monday, not the Sunday)", "2025-03-12T10:00:00Z", "2025-03-17T07:00:00Z"],
    [14, "a Monday touch", "2025-03-10T10:00:00Z", "2025-03-24T07:00:00Z"],
  ])("a cadence of %i days: %s", (cadence, _what, last, next) => {
    expect(nextTouchAfter(at(last), cadence, kyiv)).toEqual(at(next));
  });

  it("follows the team's own week: Sunday to Thursday", () => {
    const sunToThu: WorkingHours = { ...kyiv, workDays: [7, 1, 2, 3, 4] };
    expect(kyivDay(nextTouchAfter(at("2025-03-13T10:00:00Z"), 7, sunToThu))).toBe("2025-03-20"); // Thursday → Thursday
    expect(kyivDay(nextTouchAfter(at("2025-03-14T10:00:00Z"), 7, sunToThu))).toBe("2025-03-20"); // Friday → the Thursday before
    expect(kyivDay(nextTouchAfter(at("2025-03-16T10:00:00Z"), 7, sunToThu))).toBe("2025-03-23"); // Sunday → Sunday
  });

  it("follows a six-day week and a one-day week", () => {
    const monToSat: WorkingHours = { ...kyiv, workDays: [1, 2, 3, 4, 5, 6] };
    expect(kyivDay(nextTouchAfter(at("2025-03-15T10:00:00Z"), 7, monToSat))).toBe("2025-03-22"); // Saturday → Saturday
    const mondaysOnly: WorkingHours = { ...kyiv, workDays: [1] };
    expect(kyivDay(nextTouchAfter(at("2025-03-11T10:00:00Z"), 7, mondaysOnly))).toBe("2025-03-17"); // Tuesday → the Monday after
  });

  it.each([0, -7, 1.5, Number.NaN])("refuses a cadence of %s days", (cadence) => {
    expect(() => nextTouchAfter(at("2025-03-10T10:00:00Z"), cadence, kyiv)).toThrow(RangeError);
  });

  const zones = ["Europe/Kyiv", "UTC", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];
  const workingHours = fc.record({
    timeZone: fc.constantFrom(...zones),
    startHour: fc.integer({ min: 6, max: 11 }),
    endHour: fc.integer({ min: 16, max: 20 }),
    workDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  });
  const instant = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });

  it("property: after the last touch, on a working day, the latest one within the cadence", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 31 }), workingHours, (last, cadence, wh) => {
        const next = nextTouchAfter(last, cadence, wh);
        const lastDay = dayOf(last, wh);
        const nextDay = dayOf(next, wh);
        const ahead = daysBetween(lastDay, nextDay);
        expect(next.getTime()).toBeGreaterThan(last.getTime());
        expect(isWorkingDay(nextDay, wh)).toBe(true);
        // At most the cadence ahead — or, when no working day lies within it, the first one after.
        expect(ahead).toBeLessThanOrEqual(Math.max(cadence, daysBetween(lastDay, nextWorkingDay(lastDay, wh))));
        // No later working day would still be within the cadence.
        const later = nextWorkingDay(nextDay, wh);
        expect(daysBetween(lastDay, later)).toBeGreaterThan(cadence);
      }),
    );
  });

  it("property: a cadence of a week or more is never exceeded, whatever the working week", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 7, max: 31 }), workingHours, (last, cadence, wh) => {
        const ahead = daysBetween(dayOf(last, wh), dayOf(nextTouchAfter(last, cadence, wh), wh));
        expect(ahead).toBeGreaterThanOrEqual(1);
        expect(ahead).toBeLessThanOrEqual(cadence);
      }),
    );
  });

  it("property: in Kyiv on a Monday–Friday week, a weekly touch comes back 5 to 7 days later", () => {
    fc.assert(
      fc.property(instant, (last) => {
        const ahead = daysBetween(kyivDay(last), kyivDay(nextTouchAfter(last, 7, kyiv)));
        expect(ahead).toBeGreaterThanOrEqual(5);
        expect(ahead).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe("touchStatus: scheduled, due today or overdue, in the team's calendar days", () => {
  const mondayNine = at("2025-03-17T07:00:00Z"); // Monday 17 March, 09:00 Kyiv

  it.each([
    ["the Friday before", "2025-03-14T12:00:00Z", { status: "scheduled", daysLeft: 3 }],
    ["Sunday night, 23:59 Kyiv", "2025-03-16T21:59:00Z", { status: "scheduled", daysLeft: 1 }],
    ["Monday 00:00 Kyiv", "2025-03-16T22:00:00Z", { status: "due" }],
    ["Monday 08:00 Kyiv, before work", "2025-03-17T06:00:00Z", { status: "due" }],
    ["Monday 22:00 Kyiv, after work", "2025-03-17T20:00:00Z", { status: "due" }],
    ["Tuesday 00:30 Kyiv (still Monday in UTC)", "2025-03-17T22:30:00Z", { status: "overdue", daysOverdue: 1 }],
    ["Friday", "2025-03-21T12:00:00Z", { status: "overdue", daysOverdue: 4 }],
    ["two weeks later", "2025-03-31T12:00:00Z", { status: "overdue", daysOverdue: 14 }],
  ] as const)("a touch due Monday, seen %s: %o", (_when, now, status) => {
    expect(touchStatus(mondayNine, at(now), kyiv)).toEqual(status);
  });

  it("a live company never scheduled is due today", () => {
    expect(touchStatus(null, at("2025-03-17T12:00:00Z"), kyiv)).toEqual({ status: "due" });
  });

  it("a touch just logged is scheduled again, never due or overdue", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }), (now) => {
        expect(touchStatus(nextTouchAfter(now, 7, kyiv), now, kyiv).status).toBe("scheduled");
      }),
    );
  });
});

const company = (id: number, stage: Stage, holderId: number | null, lastTouchAt: string | null, nextTouchAt: string | null = null): CadenceCompany => ({
  id,
  stage,
  holderId,
  lastTouchAt: lastTouchAt === null ? null : at(lastTouchAt),
  nextTouchAt: nextTouchAt === null ? null : at(nextTouchAt),
});

describe("coverage: the share of live companies touched in the last 7 days", () => {
  const now = at("2025-03-17T12:00:00Z");

  it("with no companies at all, nothing is left untouched: 0 of 0, share 1", () => {
    expect(coverage([], now)).toEqual({ team: { live: 0, touched: 0, share: 1 }, byHolder: [] });
  });

  it("with only companies off the cadence (resting, archived, unheld cold), likewise 0 of 0", () => {
    const off = [company(1, "resting", null, null), company(2, "archived", 3, "2025-03-17T09:00:00Z"), company(3, "cold", null, "2025-03-16T09:00:00Z")];
    expect(coverage(off, now)).toEqual({ team: { live: 0, touched: 0, share: 1 }, byHolder: [] });
  });

  it("counts the live companies of each holder, the unheld ones last, and adds them up for the team", () => {
    const companies = [
      company(1, "customer", 7, "2025-03-17T08:00:00Z"), // touched today
      company(2, "customer", 7, "2025-03-05T08:00:00Z"), // 12 days ago
      company(3, "customer", 7, null), // never touched
      company(4, "lead", 4, "2025-03-12T08:00:00Z"), // 5 days ago
      company(5, "cold", 2, "2025-03-10T12:00:00Z"), // exactly 7 days ago: counts
      company(6, "cold", 2, "2025-03-10T11:59:59.999Z"), // a moment earlier: does not
      company(7, "lead", null, "2025-03-16T08:00:00Z"), // an unheld lead, touched
      company(8, "resting", 2, "2025-03-17T08:00:00Z"), // off the cadence
      company(9, "cold", null, "2025-03-17T08:00:00Z"), // in the pool: off the cadence
    ];
    expect(coverage(companies, now)).toEqual({
      team: { live: 7, touched: 4, share: 4 / 7 },
      byHolder: [
        { holderId: 2, live: 2, touched: 1, share: 0.5 },
        { holderId: 4, live: 1, touched: 1, share: 1 },
        { holderId: 7, live: 3, touched: 1, share: 1 / 3 },
        { holderId: null, live: 1, touched: 1, share: 1 },
      ],
    });
  });

  it("takes another window when asked: 30 days", () => {
    const companies = [company(1, "customer", 7, "2025-03-05T08:00:00Z"), company(2, "customer", 7, "2025-02-01T08:00:00Z")];
    expect(coverage(companies, now).team).toEqual({ live: 2, touched: 0, share: 0 });
    expect(coverage(companies, now, 30).team).toEqual({ live: 2, touched: 1, share: 0.5 });
  });

  const companies = fc.array(
    fc.record({
      id: fc.nat(),
      stage: fc.constantFrom(...STAGES),
      holderId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
      lastTouchAt: fc.option(fc.date({ min: new Date("2025-02-01T00:00:00Z"), max: new Date("2025-03-17T12:00:00Z"), noInvalidDate: true }), { nil: null }),
      nextTouchAt: fc.constant(null),
    }),
    { maxLength: 60 },
  );

  it("property: every share is within [0, 1], and the holders' counts add up to the team's", () => {
    fc.assert(
      fc.property(companies, fc.integer({ min: 1, max: 30 }), (list, days) => {
        const report = coverage(list, now, days);
        for (const line of [report.team, ...report.byHolder]) {
          expect(line.share).toBeGreaterThanOrEqual(0);
          expect(line.share).toBeLessThanOrEqual(1);
          expect(line.touched).toBeLessThanOrEqual(line.live);
          expect(line.live).toBeGreaterThan(line === report.team ? -1 : 0);
        }
        expect(report.byHolder.reduce((sum, l) => sum + l.live, 0)).toBe(report.team.live);
        expect(report.byHolder.reduce((sum, l) => sum + l.touched, 0)).toBe(report.team.touched);
        expect(report.team.live).toBe(list.filter(isLive).length);
      }),
    );
  });

  it("property: a person's line is the team coverage of just their companies", () => {
    fc.assert(
      fc.property(companies, (list) => {
        for (const { holderId, ...line } of coverage(list, now).byHolder) {
          expect(coverage(list.filter((c) => c.holderId === holderId), now).team).toEqual(line);
        }
      }),
    );
  });
});

describe("overdueTouches: the list the head and each person work from", () => {
  const now = at("2025-03-17T12:00:00Z"); // Monday, 14:00 Kyiv

  it("is empty when nothing is live or nothing is late", () => {
    expect(overdueTouches([], now, kyiv)).toEqual([]);
    expect(overdueTouches([company(1, "customer", 7, null, "2025-03-18T07:00:00Z"), company(2, "lead", 4, null, "2025-03-17T07:00:00Z")], now, kyiv)).toEqual([]);
  });

  it("lists live companies whose touch day has passed, most overdue first", () => {
    const companies = [
      company(1, "customer", 7, null, "2025-03-14T07:00:00Z"), // Friday: 3 days
      company(2, "lead", 4, null, "2025-03-07T07:00:00Z"), // 10 days
      company(3, "cold", 2, null, "2025-03-16T07:00:00Z"), // 1 day
      company(4, "customer", 7, null, "2025-03-17T07:00:00Z"), // due today: not overdue
      company(5, "resting", 7, null, "2025-03-01T07:00:00Z"), // off the cadence
      company(6, "cold", null, null, "2025-03-01T07:00:00Z"), // in the pool
      company(7, "lead", null, null, "2025-03-14T07:00:00Z"), // unheld: still listed, for the head
      company(8, "customer", 7, null, null), // never scheduled: due, not overdue
    ];
    expect(overdueTouches(companies, now, kyiv)).toEqual([
      { companyId: 2, holderId: 4, nextTouchAt: at("2025-03-07T07:00:00Z"), daysOverdue: 10 },
      { companyId: 1, holderId: 7, nextTouchAt: at("2025-03-14T07:00:00Z"), daysOverdue: 3 },
      { companyId: 7, holderId: null, nextTouchAt: at("2025-03-14T07:00:00Z"), daysOverdue: 3 },
      { companyId: 3, holderId: 2, nextTouchAt: at("2025-03-16T07:00:00Z"), daysOverdue: 1 },
    ]);
  });

  it("breaks ties of days by the earlier due time, then by company", () => {
    const companies = [
      company(9, "customer", 7, null, "2025-03-14T10:00:00Z"),
      company(3, "customer", 7, null, "2025-03-14T10:00:00Z"),
      company(5, "customer", 7, null, "2025-03-14T07:00:00Z"),
    ];
    expect(overdueTouches(companies, now, kyiv).map((o) => o.companyId)).toEqual([5, 3, 9]);
  });

  it("property: only live companies, each at least a day overdue, never less overdue than the next", () => {
    const list = fc.array(
      fc.record({
        id: fc.nat(),
        stage: fc.constantFrom(...STAGES),
        holderId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        lastTouchAt: fc.constant(null),
        nextTouchAt: fc.option(fc.date({ min: new Date("2025-02-01T00:00:00Z"), max: new Date("2025-04-01T00:00:00Z"), noInvalidDate: true }), { nil: null }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(list, (companies) => {
        const overdue = overdueTouches(companies, now, kyiv);
        const expected = companies.filter((c) => isLive(c) && touchStatus(c.nextTouchAt, now, kyiv).status === "overdue");
        expect(overdue).toHaveLength(expected.length);
        overdue.forEach((o, i) => {
          expect(o.daysOverdue).toBeGreaterThanOrEqual(1);
          if (i > 0) expect(overdue[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(o.daysOverdue);
        });
      }),
    );
  });
});
