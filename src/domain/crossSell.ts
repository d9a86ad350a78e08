/**
 * Cross-sell by co-purchase: among the customers whose purchases overlap this customer's (its
 * peers), count how many bought each product this customer has never bought. A product bought by
 * many peers is a natural next offer. Counts too small to mean anything are dropped: at least
 * `minPeers` peers and `minShare` of them must have bought it.
 */
export interface CoPurchaseCount {
  productId: number;
  /** Peers who bought the product. */
  peers: number;
}

export interface CrossSellSuggestion extends CoPurchaseCount {
  /** peers / all peers, 0..1. */
  share: number;
}

export interface CrossSellOptions {
  limit?: number;
  minPeers?: number;
  minShare?: number;
}

export function rankCrossSell(
  counts: readonly CoPurchaseCount[],
  owned: ReadonlySet<number>,
  peerCount: number,
  { limit = 5, minPeers = 2, minShare = 0.1 }: CrossSellOptions = {},
): CrossSellSuggestion[] {
  if (peerCount <= 0) return [];
  return counts
    .filter((c) => !owned.has(c.productId) && c.peers >= minPeers && c.peers / peerCount >= minShare)
    .map((c) => ({ productId: c.productId, peers: Math.min(c.peers, peerCount), share: Math.min(1, c.peers / peerCount) }))
    .sort((a, b) => b.peers - a.peers || a.productId - b.productId)
    .slice(0, Math.max(0, limit));
}
