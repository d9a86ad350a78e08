import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/connect.js";
import { users } from "../db/schema.js";
import type { Role } from "../domain/conveyor.js";

/** The demo sales department: one head, the three tiers, and the back office. */

export const DEMO_PASSWORD = "demo12345";

/** ISO weekdays a person works: 1 = Monday … 5 = Friday. */
const FULL_TIME = [1, 2, 3, 4, 5] as const;

interface DemoPerson {
  username: string;
  fullName: string;
  role: Role;
  language: "ru" | "uk";
  workDays: readonly number[];
}

const PEOPLE: readonly DemoPerson[] = [
  { username: "head", fullName: "Ирина Коваленко", role: "head", language: "ru", workDays: FULL_TIME },
  { username: "caller1", fullName: "Дмитрий Савченко", role: "caller", language: "ru", workDays: FULL_TIME },
  { username: "caller2", fullName: "Анна Мельник", role: "caller", language: "uk", workDays: FULL_TIME },
  { username: "caller3", fullName: "Олеся Бондаренко", role: "caller", language: "uk", workDays: [1, 3, 5] },
  { username: "caller4", fullName: "Максим Орлов", role: "caller", language: "ru", workDays: [2, 4] },
  { username: "manager1", fullName: "Сергей Ткаченко", role: "manager", language: "ru", workDays: FULL_TIME },
  { username: "manager2", fullName: "Екатерина Волкова", role: "manager", language: "ru", workDays: FULL_TIME },
  { username: "manager3", fullName: "Андрій Шевчук", role: "manager", language: "uk", workDays: FULL_TIME },
  { username: "account1", fullName: "Наталья Лебедева", role: "account_manager", language: "ru", workDays: FULL_TIME },
  { username: "account2", fullName: "Олена Кравчук", role: "account_manager", language: "uk", workDays: FULL_TIME },
  { username: "backoffice", fullName: "Тетяна Литвин", role: "back_office", language: "uk", workDays: FULL_TIME },
];

export interface Member {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  workDays: readonly number[];
}

export interface Team {
  head: Member;
  callers: Member[];
  managers: Member[];
  accountManagers: Member[];
  backOffice: Member[];
  /** Sign-ins created by this run, and demo usernames skipped because someone already had them. */
  created: Member[];
  skipped: string[];
}

const ROLE_LABEL: Record<Role, string> = {
  admin: "admin",
  head: "head of sales",
  caller: "caller, tier 1",
  manager: "sales manager, tier 2",
  account_manager: "account manager, tier 3",
  back_office: "back office",
};

const WEEKDAY = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** One line of the sign-in list the demo prints. */
export const describeMember = (m: Member): string =>
  `${m.username.padEnd(11)} ${m.fullName} — ${ROLE_LABEL[m.role]}${m.workDays.length < 5 ? ` (part-time: ${m.workDays.map((d) => WEEKDAY[d]).join(", ")})` : ""}`;

/**
 * Creates the demo people; a username someone already has is skipped (existing users are kept).
 * A role left empty that way is filled by existing active users of that role.
 */
export async function createTeam(tx: DbOrTx, passwordHash: string): Promise<Team> {
  const inserted = await tx
    .insert(users)
    .values(PEOPLE.map(({ username, fullName, role, language }) => ({ username, fullName, role, language, passwordHash })))
    .onConflictDoNothing()
    .returning({ id: users.id, username: users.username });
  const created: Member[] = inserted.map((row) => {
    const person = PEOPLE.find((p) => p.username === row.username)!;
    return { id: row.id, username: person.username, fullName: person.fullName, role: person.role, workDays: person.workDays };
  });
  const skipped = PEOPLE.filter((p) => !created.some((m) => m.username === p.username)).map((p) => p.username);

  const byRole = async (role: Role): Promise<Member[]> => {
    const own = created.filter((m) => m.role === role);
    if (own.length > 0) return own;
    const existing = await tx
      .select({ id: users.id, username: users.username, fullName: users.fullName })
      .from(users)
      .where(and(eq(users.role, role), eq(users.active, true)))
      .orderBy(users.id);
    return existing.map((u) => ({ ...u, role, workDays: FULL_TIME }));
  };
  // Without a head of sales the admin steers the conveyor.
  const [head] = [...(await byRole("head")), ...(await byRole("admin"))];
  const callers = await byRole("caller");
  const managers = await byRole("manager");
  const accountManagers = await byRole("account_manager");
  const backOffice = await byRole("back_office");
  if (!head || callers.length === 0 || managers.length === 0 || accountManagers.length === 0) {
    throw new Error("demo: could not form a team (the demo usernames are taken by people of other roles)");
  }
  return { head, callers, managers, accountManagers, backOffice, created, skipped };
}
