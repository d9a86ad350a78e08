import { sql } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { rankCrossSell, type CrossSellSuggestion } from "../../domain/crossSell.js";

/** Peers: the customers sharing the most products with this one (a cap keeps a card view fast). */
const MAX_PEERS = 500;

/**
 * What customers with similar purchases buy and this one has not (co-purchase counts, ranked by
 * `rankCrossSell`), with the products' names. Only products still on sale are offered.
 */
export async function crossSellFor(db: DbOrTx, companyId: number): Promise<{ peers: number; suggestions: (CrossSellSuggestion & { name: string })[] }> {
  const owned = await selectRows<{ product_id: number }>(db, sql`select product_id from customer_products where company_id = ${companyId}`);
  if (!owned.length) return { peers: 0, suggestions: [] };
  const ownedList = sqlList(owned.map((o) => o.product_id));
  const rows = await selectRows<{ peer_count: number; product_id: number | null; name: string | null; peers: number | null }>(
    db,
    sql`with peers as (
          select cp.company_id from customer_products cp
          where cp.product_id in (${ownedList}) and cp.company_id <> ${companyId}
          group by cp.company_id order by count(*) desc, cp.company_id limit ${MAX_PEERS}),
        bought as (
          select cp.product_id, count(*)::int as peers
          from peers join customer_products cp on cp.company_id = peers.company_id
          where cp.product_id not in (${ownedList})
          group by cp.product_id)
        select (select count(*)::int from peers) as peer_count, b.product_id, p.name, b.peers
        from (select 1) one
        left join (bought b join products p on p.id = b.product_id and p.active) on true`,
  );
  const peerCount = rows[0]?.peer_count ?? 0;
  const counts = rows.filter((r) => r.product_id !== null).map((r) => ({ productId: r.product_id!, peers: r.peers!, name: r.name! }));
  const names = new Map(counts.map((c) => [c.productId, c.name]));
  const ranked = rankCrossSell(counts, new Set(owned.map((o) => o.product_id)), peerCount);
  return { peers: peerCount, suggestions: ranked.map((s) => ({ ...s, name: names.get(s.productId)! })) };
}
