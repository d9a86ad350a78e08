import { sql } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { appError } from "../../server/errors.js";

/**
 * A phone identifies a client: the same number on two companies means two callers may
 * dial the same person. Refuse it with 409, naming the company that already has it.
 */
export async function assertPhonesFree(db: DbOrTx, phones: string[], exceptCompanyId: number | null): Promise<void> {
  if (phones.length === 0) return;
  const [taken] = await selectRows<{ e164: string; company_id: number; legal_name: string }>(
    db,
    sql`select p.e164, p.company_id, c.legal_name from contact_phones p join companies c on c.id = p.company_id
        where p.e164 in (${sqlList(phones)})
          and (${exceptCompanyId}::int is null or p.company_id <> ${exceptCompanyId}::int)
        limit 1`,
  );
  if (taken) throw appError("phone_taken", { phone: taken.e164, companyId: taken.company_id, legalName: taken.legal_name });
}
