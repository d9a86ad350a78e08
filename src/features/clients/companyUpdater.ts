import { eq } from "drizzle-orm";
import type { Db } from "../../db/connect.js";
import { companies } from "../../db/schema.js";
import { companySearchKey } from "../../domain/companyNames.js";
import type { Actor } from "../../server/access/index.js";
import { assertLegalIdFree } from "./companyCreator.js";
import { authorizeCompany } from "./companyAccess.js";
import { blankToNull, normaliseLegalId } from "./normalise.js";
import { findCompany } from "./queries.js";
import type { CompanyDto, UpdateCompanyInput } from "./schemas.js";
import { removeFromCallLists } from "../prospecting/listMembership.js";
import { appendActivities } from "./timeline.js";
import { assertSourceChoosable } from "../sources/sourceChoice.js";

const EDITABLE = ["legalName", "legalId", "legalIdKind", "groupName", "industry", "size", "region", "sourceId", "doNotCall"] as const;

/** Changes a company's card; the timeline records each field's old and new value. */
export async function updateCompany(db: Db, actor: Actor, companyId: number, input: UpdateCompanyInput): Promise<CompanyDto> {
  const legal = input.legalId !== undefined ? normaliseLegalId(input.legalId, input.legalIdKind) : undefined;
  return db.transaction(async (tx) => {
    await authorizeCompany(tx, actor, companyId, "work");
    const before = (await findCompany(tx, companyId))!;
    if (legal) await assertLegalIdFree(tx, legal.legalId, legal.legalIdKind, companyId);
    const newSourceName = await assertSourceChoosable(tx, input.sourceId, before.sourceId);
    const next = {
      legalName: input.legalName?.trim(),
      legalId: legal?.legalId,
      legalIdKind: legal?.legalIdKind,
      groupName: blankToNull(input.groupName),
      industry: blankToNull(input.industry),
      size: input.size,
      region: blankToNull(input.region),
      sourceId: input.sourceId,
      doNotCall: input.doNotCall,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of EDITABLE) {
      const value = next[field];
      if (value !== undefined && value !== before[field]) changes[field] = { from: before[field], to: value };
    }
    if (Object.keys(changes).length === 0) return before;
    // The timeline names the sources (it reads the same after a rename); the ids ride along for reports.
    const sourceChange = changes.sourceId;
    if (sourceChange) {
      delete changes.sourceId;
      changes.source = { from: before.source, to: newSourceName };
    }
    await tx
      .update(companies)
      .set({ ...next, searchName: next.legalName ? companySearchKey(next.legalName) : undefined, updatedAt: new Date() })
      .where(eq(companies.id, companyId));
    if (next.doNotCall) await removeFromCallLists(tx, companyId);
    await appendActivities(tx, [{ companyId, actorId: actor.id, kind: "company_updated", data: sourceChange ? { changes, sourceId: sourceChange } : { changes } }]);
    return (await findCompany(tx, companyId))!;
  });
}
