import { sql } from "drizzle-orm";
import {
  bigint,
  real,
  boolean,
  date,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** The one definition of Conveyor's tables, shared by PGlite and PostgreSQL. */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    fullName: text("full_name").notNull(),
    role: text("role").notNull(),
    language: text("language").notNull().default("ru"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /** Sales managers: how many new leads a day they take (null: the team default). */
    dailyLeadCap: integer("daily_lead_cap"),
    /** The sales team (office, branch) the person works in: dashboards filter by it. */
    team: text("team"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_username_key").on(sql`lower(${t.username})`),
    check("users_role_check", sql`${t.role} in ('admin','head','caller','manager','account_manager','back_office')`),
    check("users_language_check", sql`${t.language} in ('ru','uk','en')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie token: a leaked table does not leak live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Where leads come from, what a lead costs, and who answers for the source's quality. */
export const leadSources = pgTable(
  "lead_sources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    costPerLeadMinor: bigint("cost_per_lead_minor", { mode: "number" }),
    currency: text("currency"),
    ownerId: integer("owner_id").references(() => users.id),
    active: boolean("active").notNull().default(true),
    /** sha256 of the intake token a web form or partner posts leads with; null: no intake. */
    intakeTokenHash: text("intake_token_hash"),
    /** Posted leads accepted per hour before the intake answers 429. */
    intakeHourlyLimit: integer("intake_hourly_limit").notNull().default(120),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("lead_sources_name_key").on(sql`lower(${t.name})`),
    uniqueIndex("lead_sources_intake_token_key").on(t.intakeTokenHash).where(sql`${t.intakeTokenHash} is not null`),
    check("lead_sources_kind_check", sql`${t.kind} in ('partner','ads','web_form','exhibition','inbound_call','cold_base','referral','other')`),
    check("lead_sources_cost_check", sql`(${t.costPerLeadMinor} is null) = (${t.currency} is null) and coalesce(${t.costPerLeadMinor}, 0) >= 0`),
    check("lead_sources_limit_check", sql`${t.intakeHourlyLimit} between 1 and 100000`),
  ],
);

export const companies = pgTable(
  "companies",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    legalName: text("legal_name").notNull(),
    /** legal_name folded for prefix search (no legal form, no quotes, lower case). */
    searchName: text("search_name").notNull(),
    legalId: text("legal_id"),
    legalIdKind: text("legal_id_kind"),
    groupName: text("group_name"),
    industry: text("industry"),
    size: text("size"),
    region: text("region"),
    sourceId: integer("source_id").references(() => leadSources.id),
    stage: text("stage").notNull().default("cold"),
    nextTouchAt: timestamp("next_touch_at", { withTimezone: true }),
    /** When someone last called, met, wrote to or noted the company: drives "not touched since". */
    lastTouchAt: timestamp("last_touch_at", { withTimezone: true }),
    doNotCall: boolean("do_not_call").notNull().default(false),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("companies_legal_id_key").on(t.legalIdKind, t.legalId).where(sql`${t.legalId} is not null`),
    // Byte-order ("C") indexes serve both a prefix LIKE and the order of the first page of matches.
    index("companies_legal_id_c_idx").on(sql`(${t.legalId} collate "C")`, t.id),
    index("companies_search_name_c_idx").on(sql`(${t.searchName} collate "C")`, t.id),
    index("companies_stage_idx").on(t.stage),
    index("companies_group_idx").on(t.groupName),
    index("companies_source_idx").on(t.sourceId),
    check("companies_stage_check", sql`${t.stage} in ('cold','lead','customer','resting','archived')`),
    check("companies_size_check", sql`${t.size} is null or ${t.size} in ('micro','small','medium','large')`),
    check("companies_legal_id_kind_check", sql`(${t.legalId} is null) = (${t.legalIdKind} is null)`),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    fullName: text("full_name").notNull(),
    position: text("position"),
    emails: text("emails").array().notNull().default(sql`'{}'::text[]`),
    decisionMaker: boolean("decision_maker").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // Emails are stored lower-cased; the intake and imports match them with `emails @> array[…]`.
  (t) => [index("contacts_company_idx").on(t.companyId), index("contacts_emails_idx").using("gin", t.emails)],
);

export const contactPhones = pgTable(
  "contact_phones",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    contactId: integer("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    companyId: integer("company_id").notNull().references(() => companies.id),
    /** E.164, e.g. +380441234567. */
    e164: text("e164").notNull(),
  },
  (t) => [
    index("contact_phones_e164_c_idx").on(sql`(${t.e164} collate "C")`, t.companyId),
    index("contact_phones_contact_idx").on(t.contactId),
    uniqueIndex("contact_phones_contact_e164_key").on(t.contactId, t.e164),
  ],
);

export const holdings = pgTable(
  "holdings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    userId: integer("user_id").notNull().references(() => users.id),
    tier: smallint("tier").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** The term: past it without a sale the company goes on the head's list (rotation). */
    termUntil: timestamp("term_until", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    endNote: text("end_note"),
    /** Tier 2: the working day whose queue the lead is in. */
    queueDay: date("queue_day", { mode: "string" }),
    /** Tier 2: the first contact is due by then (business hours); met when first_contact_at is set. */
    firstContactDueAt: timestamp("first_contact_due_at", { withTimezone: true }),
    firstContactAt: timestamp("first_contact_at", { withTimezone: true }),
    /** Tier 3: the account manager accepted the hand-over (with its promises). */
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** Rotation: on the head's list since then, and why (term_expired, inactive). */
    deadListedAt: timestamp("dead_listed_at", { withTimezone: true }),
    deadReason: text("dead_reason"),
    /** Rotation: the head extended the holding to then; it stays off the list until it passes. */
    extendedUntil: timestamp("extended_until", { withTimezone: true }),
  },
  (t) => [
    // The conveyor's core invariant: at most one open holding per company.
    uniqueIndex("holdings_one_open_per_company").on(t.companyId).where(sql`${t.endedAt} is null`),
    index("holdings_open_by_user_idx").on(t.userId).where(sql`${t.endedAt} is null`),
    index("holdings_company_idx").on(t.companyId, t.startedAt),
    // Leads of a period: tier-2 holdings by start (the source watch, the dashboard).
    index("holdings_tier2_started_idx").on(t.startedAt).where(sql`${t.tier} = 2`),
    check("holdings_tier_check", sql`${t.tier} between 1 and 3`),
    check("holdings_end_check", sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
    check("holdings_dead_check", sql`(${t.deadListedAt} is null) = (${t.deadReason} is null)`),
    // The head's list pages in listing order straight from this index.
    index("holdings_dead_list_idx").on(t.deadListedAt, t.id).where(sql`${t.endedAt} is null and ${t.deadListedAt} is not null`),
  ],
);

export const activities = pgTable(
  "activities",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    actorId: integer("actor_id").references(() => users.id),
    kind: text("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    text: text("text"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("activities_company_timeline_idx").on(t.companyId, t.occurredAt.desc(), t.id.desc())],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

/** Failed sign-ins per IP and per username, so brute force is slowed across all app instances. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);

/** Call scripts; each save adds a version, and calls record the version they followed. */
export const scripts = pgTable("scripts", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull(),
  currentVersion: integer("current_version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const scriptVersions = pgTable(
  "script_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    scriptId: integer("script_id").notNull().references(() => scripts.id),
    version: integer("version").notNull(),
    body: jsonb("body").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("script_versions_script_version_key").on(t.scriptId, t.version)],
);

/** "What to do when…" pages a caller opens mid-call. */
export const instructions = pgTable("instructions", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const callLists = pgTable("call_lists", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull(),
  /** Selection criteria as a stored filter (see domain/callLists.ts). */
  criteria: jsonb("criteria").notNull(),
  scriptId: integer("script_id").references(() => scripts.id),
  active: boolean("active").notNull().default(true),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
});

export const callListCallers = pgTable(
  "call_list_callers",
  {
    callListId: integer("call_list_id").notNull().references(() => callLists.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.callListId, t.userId] }), index("call_list_callers_user_idx").on(t.userId)],
);

/**
 * A company's place on a call list: when it is due next and how many calls in a row went
 * unanswered. Dropped entries stay (status `dropped`) so that a refresh does not bring back a
 * company that said no or had a wrong number.
 */
export const callListEntries = pgTable(
  "call_list_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    callListId: integer("call_list_id").notNull().references(() => callLists.id, { onDelete: "cascade" }),
    companyId: integer("company_id").notNull().references(() => companies.id),
    status: text("status").notNull().default("ready"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    unansweredCalls: integer("unanswered_calls").notNull().default(0),
    droppedReason: text("dropped_reason"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("call_list_entries_list_company_key").on(t.callListId, t.companyId),
    index("call_list_entries_due_idx").on(t.callListId, t.dueAt, t.id).where(sql`${t.status} = 'ready'`),
    index("call_list_entries_company_idx").on(t.companyId),
    check("call_list_entries_status_check", sql`${t.status} in ('ready','dropped')`),
  ],
);

/** The company in front of a caller right now: one caller per company, one company per caller. */
export const callClaims = pgTable(
  "call_claims",
  {
    companyId: integer("company_id").primaryKey().references(() => companies.id),
    userId: integer("user_id").notNull().references(() => users.id),
    callListId: integer("call_list_id").notNull().references(() => callLists.id, { onDelete: "cascade" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("call_claims_user_idx").on(t.userId, t.expiresAt)],
);

/** Every call a caller logged, for the results per caller per day (the timeline has the story). */
export const calls = pgTable(
  "calls",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    callerId: integer("caller_id").notNull().references(() => users.id),
    callListId: integer("call_list_id").references(() => callLists.id, { onDelete: "set null" }),
    outcome: text("outcome").notNull(),
    connected: boolean("connected").notNull(),
    handedOver: boolean("handed_over").notNull(),
    scriptVersionId: integer("script_version_id").references(() => scriptVersions.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("calls_caller_time_idx").on(t.callerId, t.occurredAt), index("calls_company_idx").on(t.companyId)],
);

/** Days a person is away: distribution skips them. */
export const absences = pgTable(
  "absences",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id").notNull().references(() => users.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("absences_user_idx").on(t.userId, t.startsOn), check("absences_range_check", sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** Tier 2's deal with a lead: its stage, proposals, and how it ended (won, lost, postponed). */
export const deals = pgTable(
  "deals",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    managerId: integer("manager_id").notNull().references(() => users.id),
    stage: text("stage").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }),
    currency: text("currency"),
    lostReason: text("lost_reason"),
    postponedUntil: date("postponed_until", { mode: "string" }),
    postponeCategory: text("postpone_category"),
    postponeNote: text("postpone_note"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the manager first confirmed a real need: the deal moved past the first stage (or was
     * won). A lead dropped at the first stage was never qualified — the source watch counts this.
     */
    qualifiedAt: timestamp("qualified_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("deals_one_open_per_company").on(t.companyId).where(sql`${t.closedAt} is null`),
    // A source's leads and their deals, won or lost (the open-deal index covers open ones only).
    index("deals_company_idx").on(t.companyId),
    index("deals_manager_idx").on(t.managerId, t.closedAt),
  ],
);

export const proposals = pgTable(
  "proposals",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dealId: integer("deal_id").notNull().references(() => deals.id),
    companyId: integer("company_id").notNull().references(() => companies.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    documentUrl: text("document_url"),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("proposals_deal_idx").on(t.dealId)],
);

export const products = pgTable(
  "products",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    sku: text("sku"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("products_name_key").on(sql`lower(${t.name})`)],
);

export const orders = pgTable(
  "orders",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    dealId: integer("deal_id").references(() => deals.id),
    orderedAt: timestamp("ordered_at", { withTimezone: true }).notNull().defaultNow(),
    currency: text("currency").notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
  },
  // Months of sales (commissions, the dashboard) read orders by date.
  (t) => [index("orders_company_idx").on(t.companyId, t.orderedAt), index("orders_ordered_at_idx").on(t.orderedAt)],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer("order_id").notNull().references(() => orders.id),
    productId: integer("product_id").notNull().references(() => products.id),
    quantity: integer("quantity").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    // Cross-sell reads who bought a product.
    index("order_lines_product_idx").on(t.productId, t.orderId),
    check("order_lines_quantity_check", sql`${t.quantity} > 0`),
  ],
);

/** What conversion promised the customer; account management reports each kept or broken. */
export const promises = pgTable(
  "promises",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    dealId: integer("deal_id").references(() => deals.id),
    madeBy: integer("made_by").notNull().references(() => users.id),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    status: text("status").notNull().default("open"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("promises_company_idx").on(t.companyId),
    index("promises_made_by_idx").on(t.madeBy, t.status),
    check("promises_status_check", sql`${t.status} in ('open','kept','broken')`),
  ],
);

/** The back office bills an order: one live (not cancelled) invoice per order, for its total. */
export const invoices = pgTable(
  "invoices",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer("order_id").notNull().references(() => orders.id),
    companyId: integer("company_id").notNull().references(() => companies.id),
    number: text("number").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull().default("issued"),
    paidOn: date("paid_on", { mode: "string" }),
    cancelReason: text("cancel_reason"),
    issuedBy: integer("issued_by").notNull().references(() => users.id),
    closedBy: integer("closed_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_key").on(sql`lower(${t.number})`),
    uniqueIndex("invoices_one_live_per_order").on(t.orderId).where(sql`${t.status} <> 'cancelled'`),
    index("invoices_company_idx").on(t.companyId, t.issuedOn),
    index("invoices_open_due_idx").on(t.dueOn).where(sql`${t.status} = 'issued'`),
    check("invoices_status_check", sql`${t.status} in ('issued','paid','cancelled')`),
    check("invoices_paid_check", sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
    check("invoices_due_check", sql`${t.dueOn} >= ${t.issuedOn}`),
  ],
);

/**
 * Tier 3's view of each customer, recomputed by the nightly sweep (RFM is relative to all
 * customers) and, for the reorder prediction, right after each order.
 */
export const customerInsights = pgTable(
  "customer_insights",
  {
    companyId: integer("company_id").primaryKey().references(() => companies.id),
    computedOn: date("computed_on", { mode: "string" }).notNull(),
    lastPurchaseOn: date("last_purchase_on", { mode: "string" }),
    recencyDays: integer("recency_days"),
    frequency: integer("frequency").notNull().default(0),
    monetaryMinor: bigint("monetary_minor", { mode: "number" }).notNull().default(0),
    recencyScore: smallint("recency_score"),
    frequencyScore: smallint("frequency_score"),
    monetaryScore: smallint("monetary_score"),
    segment: text("segment").notNull(),
    /** The next purchase of anything: expected day, usual interval, confidence 0..1. */
    expectedOn: date("expected_on", { mode: "string" }),
    intervalDays: real("interval_days"),
    confidence: real("confidence"),
    /** Per regularly bought product: [{productId, expectedDay, intervalDays, confidence, typicalQuantity, ...}]. */
    productPredictions: jsonb("product_predictions").$type<Record<string, unknown>[]>().notNull().default([]),
  },
  (t) => [index("customer_insights_segment_idx").on(t.segment), index("customer_insights_expected_idx").on(t.expectedOn)],
);

/** A rotated client resting before its next holder: nobody holds or calls it until `until_on`. */
export const rests = pgTable(
  "rests",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer("company_id").notNull().references(() => companies.id),
    fromUserId: integer("from_user_id").notNull().references(() => users.id),
    tier: smallint("tier").notNull(),
    stageBefore: text("stage_before").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    untilOn: date("until_on", { mode: "string" }).notNull(),
    /** Picked when the rest starts; the head may change it; re-checked when the rest ends. */
    nextHolderId: integer("next_holder_id").references(() => users.id),
    decidedBy: integer("decided_by").notNull().references(() => users.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("rests_one_open_per_company").on(t.companyId).where(sql`${t.endedAt} is null`),
    index("rests_open_until_idx").on(t.untilOn).where(sql`${t.endedAt} is null`),
  ],
);

/** A salesperson's weekly report: one line per client held that week. */
export const weeklyReports = pgTable(
  "weekly_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id").notNull().references(() => users.id),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("weekly_reports_user_week_key").on(t.userId, t.weekStart)],
);

export const weeklyReportLines = pgTable(
  "weekly_report_lines",
  {
    reportId: integer("report_id").notNull().references(() => weeklyReports.id, { onDelete: "cascade" }),
    companyId: integer("company_id").notNull().references(() => companies.id),
    status: text("status").notNull(),
    nextStep: text("next_step").notNull(),
    nextStepOn: date("next_step_on", { mode: "string" }),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.companyId] }),
    index("weekly_report_lines_company_idx").on(t.companyId),
    check("weekly_report_lines_status_check", sql`${t.status} in ('progressing','stalled','hopeless','sold')`),
  ],
);

/**
 * Which products each company ever bought, kept by a trigger on order_lines: cross-sell finds
 * customers with similar purchases here instead of in millions of order lines.
 */
export const customerProducts = pgTable(
  "customer_products",
  {
    companyId: integer("company_id").notNull().references(() => companies.id),
    productId: integer("product_id").notNull().references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.productId] }), index("customer_products_product_idx").on(t.productId, t.companyId)],
);

/** Every lead posted to a source's intake, accepted or not: bad and duplicate posts count against the source. */
export const leadIntakes = pgTable(
  "lead_intakes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer("source_id").notNull().references(() => leadSources.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    outcome: text("outcome").notNull(),
    /** The company created (accepted) or matched (duplicate). */
    companyId: integer("company_id").references(() => companies.id),
    errorCode: text("error_code"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("lead_intakes_source_time_idx").on(t.sourceId, t.receivedAt),
    check("lead_intakes_outcome_check", sql`${t.outcome} in ('accepted','duplicate','invalid','rate_limited')`),
  ],
);

/**
 * A conflict made visible: a source whose conversion fell, or that looks like spam. One live
 * (not resolved) alert per source, kind and metric; the sweep refreshes its figures and
 * resolves it when the source recovers.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").notNull(),
    sourceId: integer("source_id").references(() => leadSources.id),
    metric: text("metric").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    /** The figures behind the alert (windows, counts, rates, p-value), refreshed by each sweep. */
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull().default({}),
    acknowledgedBy: integer("acknowledged_by").references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolution: text("resolution"),
  },
  (t) => [
    uniqueIndex("alerts_one_live_key").on(t.kind, t.sourceId, t.metric).where(sql`${t.resolvedAt} is null`),
    index("alerts_raised_idx").on(t.raisedAt),
    check("alerts_kind_check", sql`${t.kind} in ('source_conversion_drop','source_spam')`),
    check("alerts_resolved_check", sql`(${t.resolvedAt} is null) = (${t.resolution} is null)`),
  ],
);

/**
 * The head's commission rule for a tier from a month on: tier 1 an amount per handed-over lead
 * that tier 2 converts, tier 2 a share of the first sale, tier 3 a share of repeat sales.
 */
export const commissionRules = pgTable(
  "commission_rules",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    tier: smallint("tier").notNull(),
    /** First day of the month the rule applies from. */
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    /** Tier 1: amount per converted lead. */
    amountMinor: bigint("amount_minor", { mode: "number" }),
    currency: text("currency"),
    /** Tiers 2 and 3: share of the sale in basis points (150 = 1.5 %). */
    rateBp: integer("rate_bp"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commission_rules_tier_from_key").on(t.tier, t.effectiveFrom),
    check("commission_rules_tier_check", sql`${t.tier} between 1 and 3`),
    check("commission_rules_month_check", sql`extract(day from ${t.effectiveFrom}) = 1`),
    check(
      "commission_rules_basis_check",
      sql`(${t.tier} = 1 and ${t.amountMinor} >= 0 and ${t.currency} is not null and ${t.rateBp} is null) or (${t.tier} in (2, 3) and ${t.rateBp} between 0 and 10000 and ${t.amountMinor} is null and ${t.currency} is null)`,
    ),
  ],
);

/** Every export anyone made: who, what, how many rows. */
export const exportLog = pgTable(
  "export_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id").notNull().references(() => users.id),
    what: text("what").notNull(),
    format: text("format").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    rowCount: integer("row_count").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("export_log_created_idx").on(t.createdAt), check("export_log_format_check", sql`${t.format} in ('csv','xlsx')`)],
);

/**
 * A file brought into the base (#8): what it is (name, sha256, size), how its columns map, its
 * options, and how far it got. Each batch commits with the progress it made, so after a crash
 * the import resumes from `last_line` of the same file (checked by its hash) — never half a
 * file silently, never a row twice.
 */
export const imports = pgTable(
  "imports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    format: text("format").notNull(),
    /** Where an uploaded file waits on the server; null when the command line reads it in place. */
    storedPath: text("stored_path"),
    /** The file's shape (folded headers), the key of its mapping preset. */
    signature: text("signature").notNull(),
    headers: jsonb("headers").$type<string[]>().notNull(),
    mapping: jsonb("mapping").$type<(string | null)[]>(),
    /** Encoding, delimiter, source, default country, batch size. */
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").notNull().default("uploaded"),
    /** The last dry run: counts, reasons, the first rejected rows. */
    dryRun: jsonb("dry_run").$type<Record<string, unknown>>(),
    rowsRead: integer("rows_read").notNull().default(0),
    rowsCreated: integer("rows_created").notNull().default(0),
    rowsMerged: integer("rows_merged").notNull().default(0),
    rowsSkipped: integer("rows_skipped").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    lastBatch: integer("last_batch").notNull().default(0),
    /** The file line of the last committed row (the header is line 1). */
    lastLine: integer("last_line").notNull().default(0),
    /** Roughly how much of the file the committed batches read, for a progress bar. */
    bytesDone: bigint("bytes_done", { mode: "number" }).notNull().default(0),
    /** The process working the import: a batch commits only while it still holds it. */
    runner: text("runner"),
    error: text("error"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    /** Touched by every committed batch: a running import not touched for a while has crashed. */
    updatedAt: updatedAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("imports_created_idx").on(t.createdAt),
    check("imports_status_check", sql`${t.status} in ('uploaded','dry_run','running','done','failed')`),
    check("imports_format_check", sql`${t.format} in ('csv','xlsx')`),
  ],
);

/** Rows an import rejected, with their line, reason and the values as the file had them: the error report. */
export const importRejects = pgTable(
  "import_rejects",
  {
    importId: integer("import_id").notNull().references(() => imports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    code: text("code").notNull(),
    field: text("field"),
    value: text("value"),
    raw: jsonb("raw").$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/** The mapping last used for a file shape, offered when a file of the same shape comes again. */
export const importPresets = pgTable("import_presets", {
  signature: text("signature").primaryKey(),
  mapping: jsonb("mapping").$type<(string | null)[]>().notNull(),
  options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});
