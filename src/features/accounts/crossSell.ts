import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { rankCrossSell, type CrossSellSuggestion } from "../../domain/crossSell.js";

/** Peers: the customers sharing the most products with this one (a cap keeps a card view fast). */
const MAX_PEERS = 500;

/**
 * What customers with similar purchases buy and this one has not (co-purchase counts, ranked by
 * `rankCrossSell`), with the products' names. Only products still on sale are offered.
 */
export async function crossSellFor(db: DbOrTx, companyId: number): Promise<{ peers: number; suggestions: (CrossSellSuggestion & { name: string })[] }> {
  const owned = await selectRows<{ product_id: number }>(
    db,
    sql`select distinct ol.product_id from orders o join order_lines ol on ol.order_id = o.id where o.company_id = ${companyId}`,
  );
  if (!owned.length) return { peers: 0, suggestions: [] };
  const ownedList = sql.join(owned.map((o) => sql`${o.product_id}`), sql`, `);
  const counts = await selectRows<{ product_id: number; name: string; peers: number; peer_count: number }>(
    db,
    sql`with peers as (
          select o.company_id from order_lines ol join orders o on o.id = ol.order_id
          where ol.product_id in (${ownedList}) and o.company_id <> ${companyId}
          group by o.company_id order by count(distinct ol.product_id) desc, o.company_id limit ${MAX_PEERS})
        select ol.product_id, p.name, count(distinct o.company_id)::int as peers, (select count(*)::int from peers) as peer_count
        from peers join orders o on o.company_id = peers.company_id join order_lines ol on ol.order_id = o.id
        join products p on p.id = ol.product_id and p.active
        where ol.product_id not in (${ownedList})
        group by ol.product_id, p.name`,
  );
  const peerCount = counts[0]?.peer_count ?? 0;
  const names = new Map(counts.map((c) => [c.product_id, c.name]));
  const ranked = rankCrossSell(
    counts.map((c) => ({ productId: c.product_id, peers: c.peers })),
    new Set(owned.map((o) => o.product_id)),
    peerCount,
  );
  return { peers: peerCount, suggestions: ranked.map((s) => ({ ...s, name: names.get(s.productId)! })) };
}
