import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankCrossSell } from "../../src/domain/crossSell.js";

describe("rankCrossSell", () => {
  it("offers what most peers bought and this customer did not, most bought first", () => {
    const counts = [
      { productId: 3, peers: 4 },
      { productId: 1, peers: 9 },
      { productId: 2, peers: 6 },
      { productId: 5, peers: 6 },
    ];
    expect(rankCrossSell(counts, new Set([1]), 10)).toEqual([
      { productId: 2, peers: 6, share: 0.6 },
      { productId: 5, peers: 6, share: 0.6 },
      { productId: 3, peers: 4, share: 0.4 },
    ]);
  });

  it("drops counts too small to mean anything, and has nothing to offer without peers", () => {
    expect(rankCrossSell([{ productId: 2, peers: 1 }], new Set(), 3)).toEqual([]);
    expect(rankCrossSell([{ productId: 2, peers: 2 }], new Set(), 40)).toEqual([]);
    expect(rankCrossSell([{ productId: 2, peers: 2 }], new Set(), 0)).toEqual([]);
    expect(rankCrossSell([{ productId: 2, peers: 2 }], new Set(), 2, { minShare: 0 })).toEqual([{ productId: 2, peers: 2, share: 1 }]);
  });

  it("never offers an owned product, never more than the limit, shares within 0..1, ordered", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ productId: fc.integer({ min: 1, max: 40 }), peers: fc.integer({ min: 0, max: 60 }) }), { selector: (c) => c.productId, maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 8 }),
        (counts, owned, peerCount, limit) => {
          const ranked = rankCrossSell(counts, new Set(owned), peerCount, { limit });
          expect(ranked.length).toBeLessThanOrEqual(limit);
          for (const s of ranked) {
            expect(owned).not.toContain(s.productId);
            expect(s.share).toBeGreaterThan(0);
            expect(s.share).toBeLessThanOrEqual(1);
          }
          for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.peers).toBeGreaterThanOrEqual(ranked[i]!.peers);
        },
      ),
    );
  });
});
