import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/conveyor.js";
import { EXPORTED_LISTS, mayExport, mayReadExportLog, type Actor, type ExportedList } from "../../src/server/access/index.js";

const actorAs = (role: Role): Actor => ({ id: 7, username: role, fullName: `The ${role}`, role, language: "en" });
const rows = (passing: readonly Role[]) => ROLES.map((role) => [role, passing.includes(role)] as const);

/** Who may take each list out of the system as a file. */
const MAY_EXPORT: Record<ExportedList, readonly Role[]> = {
  companies: ["admin", "head", "back_office"],
  accounts: ["admin", "head", "back_office"],
  invoices: ["admin", "head", "back_office"],
  caller_results: ["admin", "head"],
};

describe("exports: the base leaves the system only through those who answer for it", () => {
  for (const list of EXPORTED_LISTS) {
    it.each(rows(MAY_EXPORT[list]))(`%s exports ${list} — %s`, (role, allowed) => {
      expect(mayExport(actorAs(role), list)).toBe(allowed);
    });
  }

  it.each(["caller", "manager", "account_manager"] as const)("%s exports no list at all, not even of the companies it holds", (role) => {
    expect(EXPORTED_LISTS.filter((list) => mayExport(actorAs(role), list))).toEqual([]);
  });

  it.each(rows(["admin", "head"]))("%s reads the exports log — %s", (role, allowed) => {
    expect(mayReadExportLog(actorAs(role))).toBe(allowed);
  });
});
