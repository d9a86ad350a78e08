import { toMinor } from "../i18n/format";

/** One line of an order as it is being typed: the fields hold what the inputs hold. */
export interface OrderLineDraft {
  key: number;
  productId: string | null;
  quantity: number | string;
  amount: number | string;
}

/** One line of an order as the API takes it. */
export interface OrderLine {
  productId: number;
  quantity: number;
  amountMinor: number;
}

let nextKey = 1;

/** An empty line: no product yet, one piece, no amount. */
export const newOrderLine = (): OrderLineDraft => ({ key: nextKey++, productId: null, quantity: 1, amount: "" });

/**
 * The lines as the API takes them, whether they may be sent (at least one line; each with a
 * product, a whole quantity of one or more and an amount) and the order total in minor units.
 */
export function readOrderLines(drafts: OrderLineDraft[]): { lines: OrderLine[]; valid: boolean; totalMinor: number } {
  const parsed = drafts.map((l) => ({ productId: Number(l.productId), quantity: Number(l.quantity), amountMinor: toMinor(l.amount) }));
  const valid = parsed.length > 0 && parsed.every((l) => l.productId > 0 && Number.isInteger(l.quantity) && l.quantity >= 1 && l.amountMinor !== null);
  const totalMinor = parsed.reduce((sum, l) => sum + (l.amountMinor ?? 0), 0);
  return { lines: parsed.map((l) => ({ productId: l.productId, quantity: l.quantity, amountMinor: l.amountMinor ?? 0 })), valid, totalMinor };
}
