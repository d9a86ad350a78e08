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

/** Where a role starts its day. */
export const homePath = (user: User) => (worksCallLists(user) ? "/calling" : "/companies");
