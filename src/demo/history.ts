import { COMPANY_SIZES, type Stage, type Tier } from "../domain/conveyor.js";
import { termForNewHolding } from "../domain/terms.js";
import type { ActivityKind } from "../features/clients/timeline.js";
import { DAY, MINUTE, morningOf, workDaysLater, workMoment } from "./calendar.js";
import type { CompanySeed } from "./companies.js";
import {
  ACCOUNT_WORK,
  BACK_OFFICE_NOTES,
  CALLER_CALLS,
  CONTRACT_SIGNED,
  CUSTOMER_HANDOVER,
  HEAD_NOTES,
  JUNK_LEAD,
  LEAD_HANDOVER,
  MANAGER_WORK,
  type CallerOutcome,
} from "./phrases.js";
import type { Random } from "./random.js";
import type { DemoSources } from "./sources.js";
import type { Member, Team } from "./team.js";
import { say, type Phrase } from "./vocabulary.js";

/**
 * One company's life on the conveyor over the last four months: who created it, who held it
 * in which tier and when, and every call, meeting and hand-over on its timeline. Pure: the
 * caller writes the result. Times are epoch milliseconds.
 */

export interface PlannedHolding {
  userId: number;
  tier: Tier;
  startedAt: number;
  termUntil: number | null;
  endedAt: number | null;
  endReason: string | null;
  endNote: string | null;
}

export interface PlannedActivity {
  actorId: number;
  kind: ActivityKind;
  occurredAt: number;
  text: string | null;
  data: Record<string, unknown>;
  /** For contact_added: which of the company's contacts (its id is known only once written). */
  contactIndex?: number;
}

export interface CompanyHistory {
  stage: Stage;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
  nextTouchAt: number | null;
  contactsAddedAt: number[];
  holdings: PlannedHolding[];
  activities: PlannedActivity[];
}

type Plot = "unassigned" | "cold" | "archived" | "lead" | "customer";

/** Days before now when the head imported batches of the cold base. */
const IMPORT_BATCHES_AGO = [118, 84, 49, 21, 8];

const CALLER_OUTCOMES: Record<Exclude<CallerOutcome, "interested">, number> = {
  no_answer: 34,
  secretary: 14,
  callback: 28,
  sent_info: 14,
  not_interested: 10,
};
/** Working days until the caller tries again after each outcome. */
const RETRY_DAYS: Record<CallerOutcome, [number, number]> = {
  no_answer: [1, 3],
  secretary: [2, 5],
  callback: [2, 7],
  sent_info: [2, 5],
  not_interested: [15, 30],
  interested: [1, 2],
};

export function planHistory(rng: Random, company: CompanySeed, team: Team, sources: DemoSources, now: number): CompanyHistory {
  const s = new Story(rng, company, team, sources, now);
  const between = (min: number, max: number) => rng.between(min, max);
  /** Days since a lead was taken: mostly within its 30-day term, a quarter of them past it. */
  const leadAge = (min: number) => (rng.chance(0.25) ? between(31, 80) : between(min, 28));

  if (company.source === "website form" || company.source === "inbound call") {
    // An inbound request: a manager takes it as a lead straight away.
    const plot = rng.weighted({ lead: 65, customer: 35 });
    const customerAgo = plot === "customer" ? between(4, 60) : 0;
    const manager = rng.pick(team.managers);
    s.createLead(manager, plot === "customer" ? customerAgo + between(5, 25) : leadAge(3));
    s.managerPhase(manager, customerAgo, true);
    if (plot === "customer") s.accountPhase(s.handToAccount(manager, customerAgo));
    return s.finish(plot);
  }

  if (company.source === "lead marketplace") return boughtLead(s, rng, team);

  const plot: Plot = rng.weighted({ unassigned: 30, cold: 36, lead: 19, customer: 11, archived: 4 });
  switch (plot) {
    case "unassigned":
      s.createUnassigned();
      return s.finish("cold");
    case "cold": {
      const assignedAgo = between(3, 110);
      const caller = s.createAndAssign(assignedAgo);
      const reassignAgo = assignedAgo > 45 && rng.chance(0.2) ? between(10, assignedAgo - 20) : 0;
      const holder = reassignAgo ? s.reassign(caller, reassignAgo) : caller;
      s.callerPhase(holder, 0);
      return s.finish("cold");
    }
    case "archived": {
      const assignedAgo = between(25, 110);
      const caller = s.createAndAssign(assignedAgo);
      const archivedAgo = assignedAgo - between(10, 20);
      s.callerPhase(caller, archivedAgo);
      s.archive(caller, archivedAgo);
      return s.finish("archived");
    }
    case "lead":
    case "customer": {
      const customerAgo = plot === "customer" ? between(5, 50) : 0;
      const leadAgo = plot === "customer" ? customerAgo + between(6, 26) : leadAge(7);
      const caller = s.createAndAssign(leadAgo + between(4, 30));
      s.callerPhase(caller, leadAgo);
      const manager = s.handToManager(caller, leadAgo);
      s.managerPhase(manager, customerAgo, false);
      if (plot === "customer") s.accountPhase(s.handToAccount(manager, customerAgo));
      return s.finish(plot);
    }
  }
}

/**
 * A lead bought from the marketplace, straight into a manager's queue. For months about half
 * had a real need; in the last three weeks nearly none do (the partner started reselling junk),
 * which the source watch reports on the head's dashboard.
 */
function boughtLead(s: Story, rng: Random, team: Team): CompanyHistory {
  // The marketplace sells more and more: four in ten of its leads came in the last three weeks.
  const when = rng.weighted({ thisWeek: 6, lastWeeks: 38, before: 56 });
  const ago = when === "thisWeek" ? rng.between(0.5, 3) : when === "lastWeeks" ? rng.between(4, 16) : rng.between(21, 115);
  const manager = rng.pick(team.managers);
  const real = rng.chance(ago < 21 ? 0.05 : 0.55);
  s.createLead(manager, ago);
  if (!real) {
    s.dropLead(manager, Math.max(ago - rng.between(0.2, 1.5), 0.05));
    return s.finish("cold");
  }
  if (ago > 30 && rng.chance(0.35)) {
    const customerAgo = rng.between(3, ago - 20);
    s.managerPhase(manager, customerAgo, true);
    s.accountPhase(s.handToAccount(manager, customerAgo));
    return s.finish("customer");
  }
  s.managerPhase(manager, 0, true);
  return s.finish("lead");
}

class Story {
  private activities: PlannedActivity[] = [];
  private holdings: PlannedHolding[] = [];
  private open: PlannedHolding | null = null;
  /** The latest moment of the company's main line: each step comes after it. */
  private cursor = 0;
  private createdAt = 0;
  private createdBy = 0;
  private contactsAddedAt: number[] = [];
  private lateContact: number | null;
  private nextTouchAt: number | null = null;

  constructor(
    private rng: Random,
    private company: CompanySeed,
    private team: Team,
    private sources: DemoSources,
    private now: number,
  ) {
    // Sometimes the person working the company finds another contact later.
    this.lateContact = company.contacts.length >= 2 && rng.chance(0.4) ? company.contacts.length - 1 : null;
  }

  /** A phrase in the company's language. */
  private text = (phrase: Phrase) => say(this.company.country, phrase);
  /** One of the phrases, in the company's language. */
  private phrase = (phrases: readonly Phrase[]) => this.text(this.rng.pick(phrases));
  private ago = (days: number) => this.now - days * DAY;

  private log(actor: Member, kind: ActivityKind, occurredAt: number, text: string | null, data: Record<string, unknown> = {}, contactIndex?: number) {
    this.activities.push({ actorId: actor.id, kind, occurredAt, text, data, contactIndex });
  }

  /** The next step on the main line, in the actor's working hours, never in the future. */
  private step(actor: Member, daysAgo: number): number {
    let t = workMoment(this.rng, actor.workDays, Math.max(this.ago(daysAgo), this.cursor + 2 * MINUTE));
    if (t >= this.now) t = Math.max(this.cursor + MINUTE, this.now - this.rng.int(10, 120) * MINUTE);
    this.cursor = t;
    return t;
  }

  private hold(member: Member, tier: Tier, at: number) {
    this.open = { userId: member.id, tier, startedAt: at, termUntil: termForNewHolding(tier, new Date(at))?.getTime() ?? null, endedAt: null, endReason: null, endNote: null };
    this.holdings.push(this.open);
  }

  private release(at: number, reason: string, note: string | null = null) {
    Object.assign(this.open!, { endedAt: at, endReason: reason, endNote: note });
    this.open = null;
  }

  private created(actor: Member, at: number, stage: Stage) {
    this.createdAt = at;
    this.createdBy = actor.id;
    this.cursor = at;
    const importing = this.company.source === "cold base" && actor === this.team.head;
    this.log(actor, "company_created", at, importing ? this.text(HEAD_NOTES.imported) : null, {
      stage,
      sourceId: this.sources[this.company.source].id,
      source: this.sources[this.company.source].name,
    });
    this.company.contacts.forEach((contact, i) => {
      if (i === this.lateContact) return;
      const addedAt = at + (i + 1) * 1000;
      this.contactsAddedAt[i] = addedAt;
      this.log(actor, "contact_added", addedAt, contact.fullName, { phones: contact.phones, emails: contact.emails }, i);
    });
  }

  private importMoment(batchAgo: number): number {
    return morningOf(this.ago(batchAgo)) + this.rng.int(0, 600) * 1000;
  }

  createUnassigned() {
    this.lateContact = null;
    if (this.company.source === "cold base") this.created(this.team.head, this.importMoment(this.rng.pick(IMPORT_BATCHES_AGO)), "cold");
    else this.created(this.team.head, this.step(this.team.head, this.rng.between(1, 118)), "cold");
  }

  /** Into the cold base and to a caller: imported and assigned by the head, or found by the caller. */
  createAndAssign(assignedAgo: number): Member {
    const caller = this.pickCaller();
    const { head } = this.team;
    if (this.company.source !== "cold base" && this.rng.chance(0.5)) {
      const at = this.step(caller, assignedAgo);
      this.created(caller, at, "cold");
      this.hold(caller, 1, at);
      this.log(caller, "holder_assigned", at + 5000, null, { userId: caller.id, tier: 1 });
      return caller;
    }
    const batch = IMPORT_BATCHES_AGO.filter((ago) => ago >= assignedAgo).at(-1);
    if (this.company.source === "cold base" && batch !== undefined) this.created(head, this.importMoment(batch), "cold");
    else this.created(head, this.step(head, assignedAgo + this.rng.between(0, 4)), "cold");
    const at = this.step(head, assignedAgo);
    this.hold(caller, 1, at);
    this.log(head, "holder_assigned", at, this.text(HEAD_NOTES.assigned), { fromUserId: null, userId: caller.id, toName: caller.fullName, tier: 1 });
    return caller;
  }

  /** An inbound request taken by a manager: a lead held in tier 2 from the first minute. */
  createLead(manager: Member, createdAgo: number) {
    const at = this.step(manager, createdAgo);
    this.created(manager, at, "lead");
    this.hold(manager, 2, at);
    this.log(manager, "holder_assigned", at + 5000, null, { userId: manager.id, tier: 2 });
  }

  /** A lead with no real need: the manager tries it, finds nothing, and drops it back to the cold base. */
  dropLead(manager: Member, daysAgo: number) {
    const from = this.cursor;
    const called = this.step(manager, daysAgo);
    const outcome = this.rng.weighted({ no_answer: 40, wrong_number: 30, not_target: 30 });
    this.log(manager, "call", called, this.text(JUNK_LEAD[outcome]), { outcome });
    const at = called + this.rng.int(5, 40) * MINUTE;
    const reason = this.text(JUNK_LEAD.reason);
    this.release(at, "lost", reason);
    this.log(manager, "stage_changed", at, reason, { fromStage: "lead", toStage: "cold", reason: "deal_lost" });
    this.sideWork(manager, from, daysAgo);
  }

  reassign(from: Member, daysAgo: number): Member {
    this.callerPhase(from, daysAgo);
    const to = this.pickCaller(from);
    const at = this.step(this.team.head, daysAgo);
    this.release(at, "reassigned");
    this.hold(to, 1, at);
    this.log(this.team.head, "holder_assigned", at, this.text(HEAD_NOTES.reassigned), { fromUserId: from.id, userId: to.id, toName: to.fullName, tier: 1 });
    return to;
  }

  /** Tier 1: calls until `untilAgo` (0 = still calling now). */
  callerPhase(caller: Member, untilAgo: number) {
    const from = this.cursor;
    const next = this.work(caller, untilAgo, this.rng.between(0.5, 4), untilAgo === 0, (at) => {
      const outcome = this.rng.weighted(CALLER_OUTCOMES);
      this.log(caller, "call", at, this.phrase(CALLER_CALLS[outcome]), { outcome });
      return this.rng.between(...RETRY_DAYS[outcome]);
    });
    if (untilAgo === 0) this.nextTouchAt = next;
    this.sideWork(caller, from, untilAgo);
  }

  /** The caller's call that made it a lead, then the hand-over to a manager in tier 2. */
  handToManager(caller: Member, daysAgo: number): Member {
    const at = this.step(caller, daysAgo);
    this.log(caller, "call", at, this.phrase(CALLER_CALLS.interested), { outcome: "interested" });
    const manager = this.rng.pick(this.team.managers);
    this.handOver(caller, manager, at + this.rng.int(3, 30) * MINUTE, "cold", "lead", 2, this.phrase(LEAD_HANDOVER));
    return manager;
  }

  /** Tier 2: meetings, proposals, calls and notes until `untilAgo` (0 = still a lead now). */
  managerPhase(manager: Member, untilAgo: number, inbound: boolean) {
    const from = this.cursor;
    const next = this.work(manager, untilAgo, this.rng.between(0.1, 2), untilAgo === 0, (at, i) => {
      if (i === 0) {
        this.log(manager, "call", at, this.text(MANAGER_WORK.first[inbound ? 1 : 0]!), { outcome: "meeting_set" });
      } else {
        const kind = this.rng.weighted({ meeting: 20, email: 30, call: 30, note: 20 });
        this.log(manager, kind, at, this.phrase(MANAGER_WORK[kind]), kind === "call" ? { outcome: this.rng.pick(["follow_up", "negotiation"]) } : {});
      }
      return this.rng.between(1.5, 5);
    });
    if (untilAgo === 0) {
      this.nextTouchAt = next;
      // Past its term the lead is on the head's list; the head sometimes says so on the timeline.
      const term = this.open?.termUntil;
      if (term && term < this.now && this.rng.chance(0.5)) {
        const at = workMoment(this.rng, this.team.head.workDays, term + this.rng.between(0, 2) * DAY);
        if (at < this.now) this.log(this.team.head, "note", at, this.text(HEAD_NOTES.termPassed));
      }
    }
    this.sideWork(manager, from, untilAgo);
  }

  /** The signed contract, then the hand-over to an account manager in tier 3. */
  handToAccount(manager: Member, daysAgo: number): Member {
    const at = this.step(manager, daysAgo);
    this.log(manager, "email", at, this.text(CONTRACT_SIGNED));
    const accountManager = this.rng.pick(this.team.accountManagers);
    this.handOver(manager, accountManager, at + this.rng.int(3, 60) * MINUTE, "lead", "customer", 3, this.phrase(CUSTOMER_HANDOVER));
    return accountManager;
  }

  /** Tier 3: the account manager's calls and reviews, the back office's paperwork, until now. */
  accountPhase(accountManager: Member) {
    this.nextTouchAt = this.work(accountManager, 0, this.rng.between(0.5, 3), true, (at, i) => {
      const kind = i === 0 ? "intro" : this.rng.weighted({ call: 55, email: 20, meeting: 10, paperwork: 15 });
      const backOffice = this.team.backOffice[0];
      if (kind === "intro") this.log(accountManager, "call", at, this.phrase(ACCOUNT_WORK.intro), { outcome: "intro" });
      else if (kind === "call") {
        const outcome = this.rng.weighted({ reorder: 40, ok: 45, issue: 15 });
        this.log(accountManager, "call", at, this.phrase(ACCOUNT_WORK[outcome]), { outcome });
      } else if (kind === "paperwork" && backOffice) this.log(backOffice, "note", at, this.phrase(BACK_OFFICE_NOTES));
      else this.log(accountManager, kind === "meeting" ? "meeting" : "email", at, this.phrase(ACCOUNT_WORK[kind === "meeting" ? "meeting" : "email"]));
      return this.rng.between(3, 10);
    });
  }

  /** The head archives a company that keeps refusing (or has closed down); the caller lets it go. */
  archive(caller: Member, daysAgo: number) {
    const closedDown = this.rng.chance(0.3);
    if (!closedDown) {
      const called = this.step(caller, daysAgo + this.rng.between(0.5, 3));
      this.log(caller, "call", called, this.phrase(CALLER_CALLS.not_interested), { outcome: "not_interested" });
    }
    const at = this.step(this.team.head, daysAgo);
    const note = this.text(closedDown ? HEAD_NOTES.liquidated : HEAD_NOTES.archived);
    this.release(at, "recalled", note);
    this.log(this.team.head, "stage_changed", at, note, { fromStage: "cold", toStage: "archived" });
  }

  private handOver(from: Member, to: Member, at: number, fromStage: Stage, toStage: Stage, tier: Tier, note: string) {
    this.cursor = at;
    this.release(at, "handed_over", note);
    this.hold(to, tier, at);
    this.log(from, "handed_over", at, note, { fromUserId: from.id, toUserId: to.id, toName: to.fullName, fromStage, toStage, tier });
  }

  /**
   * Repeated work by one person from the cursor until `untilAgo` days ago (0 = now). `entry`
   * logs one touch and answers the working days until the next. Returns when the next touch is due;
   * an ongoing phase now and then stops early, leaving that touch overdue.
   */
  private work(member: Member, untilAgo: number, firstGapDays: number, ongoing: boolean, entry: (at: number, i: number) => number): number {
    const until = Math.min(this.ago(untilAgo), this.now) - 30 * MINUTE;
    let next = workDaysLater(this.rng, member.workDays, this.cursor, firstGapDays);
    for (let i = 0; next < until; i++) {
      this.cursor = next;
      next = workDaysLater(this.rng, member.workDays, next, entry(next, i));
      if (ongoing && this.rng.chance(0.03)) break;
    }
    return next;
  }

  /** Things done along the way: a contact found later, a corrected company size. */
  private sideWork(member: Member, from: number, untilAgo: number) {
    const until = Math.min(this.ago(untilAgo), this.now);
    const sometime = () => {
      const at = workMoment(this.rng, member.workDays, this.rng.between(from, until));
      return at < until ? at : Math.min(from + this.rng.int(2, 20) * MINUTE, this.now - MINUTE);
    };
    if (this.lateContact !== null) {
      const i = this.lateContact;
      const contact = this.company.contacts[i]!;
      const at = sometime();
      this.contactsAddedAt[i] = at;
      this.log(member, "contact_added", at, contact.fullName, { phones: contact.phones, emails: contact.emails }, i);
      this.lateContact = null;
    }
    if (this.company.size !== "micro" && this.rng.chance(0.1)) {
      const was = this.rng.pick(COMPANY_SIZES.filter((size) => size !== this.company.size));
      this.log(member, "company_updated", sometime(), null, { changes: { size: { from: was, to: this.company.size } } });
    }
  }

  private pickCaller(except?: Member): Member {
    const callers = this.team.callers.filter((c) => c !== except);
    const pool = callers.length > 0 ? callers : this.team.callers;
    // Part-timers hold fewer companies: weight by days worked.
    return this.rng.pick(pool.flatMap((c) => Array<Member>(c.workDays.length).fill(c)));
  }

  finish(stage: Stage): CompanyHistory {
    const updatedAt = Math.max(this.createdAt, ...this.activities.map((a) => a.occurredAt));
    return {
      stage,
      createdBy: this.createdBy,
      createdAt: this.createdAt,
      updatedAt,
      nextTouchAt: stage === "archived" ? null : this.nextTouchAt,
      contactsAddedAt: this.contactsAddedAt,
      holdings: this.holdings,
      activities: this.activities,
    };
  }
}
