import type { Company, Role, Stage, User } from "../api/types";

/**
 * What the UI offers each role, mirroring src/server/access: the server is the real protection,
 * these only hide what a role cannot do.
 */
const BROWSE_THE_WHOLE_BASE: readonly Role[] = ["admin", "head", "back_office"];
const STEER_THE_CONVEYOR: readonly Role[] = ["admin", "head"];
const BRING_NEW_COMPANIES: readonly Role[] = ["admin", "head", "caller", "manager"];

export const browsesWholeBase = (user: User) => BROWSE_THE_WHOLE_BASE.includes(user.role);
export const steersConveyor = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
export const mayCreateCompany = (user: User) => BRING_NEW_COMPANIES.includes(user.role);
export const mayManageUsers = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
export const mayGrantRole = (user: User, role: Role) => user.role === "admin" || (user.role === "head" && role !== "admin");
export const mayEditUser = (user: User, target: User) => user.role === "admin" || (user.role === "head" && target.role !== "admin");

const holds = (user: User, company: Company) => company.holder?.userId === user.id;

export const mayWorkOnCompany = (user: User, company: Company) => steersConveyor(user) || holds(user, company);

/** Where a hand-off takes a company, and whose role receives it. */
export const HAND_OFF_TARGET: Partial<Record<Stage, { toStage: Stage; role: Role }>> = {
  cold: { toStage: "lead", role: "manager" },
  lead: { toStage: "customer", role: "account_manager" },
};

/** Which role holds a company in the tier of its stage. */
export const HOLDER_ROLE_OF_STAGE: Partial<Record<Stage, Role>> = { cold: "caller", lead: "manager", customer: "account_manager" };

export const mayHandOff = (user: User, company: Company) => Boolean(HAND_OFF_TARGET[company.stage]) && mayWorkOnCompany(user, company);
export const mayAssignHolder = (user: User, company: Company) => steersConveyor(user) && Boolean(HOLDER_ROLE_OF_STAGE[company.stage]);

/** Tier 1: callers work call lists one company at a time; the head builds lists, scripts and instructions. */
export const worksCallLists = (user: User) => user.role === "caller";
export const managesCallLists = (user: User) => STEER_THE_CONVEYOR.includes(user.role);

/** Tier 2: managers work the morning queue and their deals; the head watches conversion and sets the team's rules. */
export const worksLeadQueue = (user: User) => user.role === "manager";
export const watchesConversion = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
export const managesTeamRules = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
export const managesProducts = (user: User) => ["admin", "head", "back_office"].includes(user.role);
/** Account managers accept the customers handed to them and mark the promises made kept or broken. */
export const acceptsCustomers = (user: User) => user.role === "account_manager";

const holdsInTier = (user: User, company: Company, tier: number) => company.holder?.userId === user.id && company.holder.tier === tier;
/** Deals are worked by the manager holding the lead in tier 2 (the head may step in). */
export const mayWorkDeal = (user: User, company: Company) => company.stage === "lead" && (steersConveyor(user) || holdsInTier(user, company, 2));
export const mayResolvePromises = (user: User, company: Company) => steersConveyor(user) || holdsInTier(user, company, 3);
export const mayAcceptCustomer = (user: User, company: Company) => company.stage === "customer" && holdsInTier(user, company, 3);

/** Tier 3: account managers work their customers; the head and the back office see all of them. */
export const worksAccounts = (user: User) => ["admin", "head", "account_manager", "back_office"].includes(user.role);
/** The back office bills orders; the head may look on. */
export const seesInvoices = (user: User) => ["admin", "head", "back_office"].includes(user.role);
export const billsOrders = (user: User) => ["admin", "back_office"].includes(user.role);
/** A customer's repeat order: its account manager, the back office or the head. */
export const mayPlaceOrder = (user: User, company: Company) =>
  company.stage === "customer" && (steersConveyor(user) || user.role === "back_office" || holdsInTier(user, company, 3));
/** The weekly contact system: every salesperson keeps their companies touched; the head watches everyone. */
export const keepsInTouch = (user: User) => ["admin", "head", "caller", "manager", "account_manager"].includes(user.role);

/** Rotation of dead clients is the head's: the list, the decisions, the rests, the sales period, the quality signal. */
export const decidesRotation = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
/** Salespeople in tiers 1 and 2 report weekly on every client they hold; the head reads everyone's reports. */
export const writesWeeklyReport = (user: User) => user.role === "caller" || user.role === "manager";
export const readsWeeklyReports = (user: User) => STEER_THE_CONVEYOR.includes(user.role);

/** Where a role starts its day. */
export function homePath(user: User): string {
  if (worksCallLists(user)) return "/calling";
  if (worksLeadQueue(user)) return "/queue";
  if (acceptsCustomers(user)) return "/accounts";
  if (user.role === "back_office") return "/invoices";
  // The head steers from the dashboard; the admin runs the system from the base.
  if (user.role === "head") return "/dashboard";
  return "/companies";
}

/** The head's dashboard: the whole conveyor at a glance. */
export const seesDashboard = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
/** Lead sources are kept by the head; a source's owner sees its own figures and alerts. */
export const managesSources = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
/** Commissions: the head sets the rules and sees everyone's; salespeople see their own. */
export const seesCommissions = (user: User) => ["admin", "head", "back_office", "caller", "manager", "account_manager"].includes(user.role);
/** Lists leave the system only through the head, the admin and (companies, customers, invoices) the back office; the head reads the exports log. */
export const mayExportList = (user: User, list: "companies" | "accounts" | "invoices" | "caller_results") => STEER_THE_CONVEYOR.includes(user.role) || (user.role === "back_office" && list !== "caller_results");
export const readsExportLog = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
/** The head, admin and the back office (who pays them) see everyone's commissions. */
export const seesEveryonesCommission = (user: User) => ["admin", "head", "back_office"].includes(user.role);
/** Bringing a client base in from a file is the head's (and the admin's). */
export const managesImports = (user: User) => STEER_THE_CONVEYOR.includes(user.role);
