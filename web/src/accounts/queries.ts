import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { AccountBrief, AccountList, Order, PlaceOrderInput, ReorderStatus, RfmSegment } from "../api/types";

export const ACCOUNTS_PAGE_SIZE = 50;

export type AccountSort = "expected" | "monetary" | "recency" | "name";

export interface AccountsFilter {
  segments: RfmSegment[];
  reorder?: Exclude<ReorderStatus, "none" | "scheduled">;
  touchOverdue?: boolean;
  holderId?: number;
  sort: AccountSort;
  page: number;
}

/** The list's query string: `segment` repeats, one per chosen segment (the shared `withQuery` keeps one value per key). */
function accountsPath(f: AccountsFilter): string {
  const params = new URLSearchParams();
  for (const segment of f.segments) params.append("segment", segment);
  if (f.reorder) params.set("reorder", f.reorder);
  if (f.touchOverdue) params.set("touchOverdue", "true");
  if (f.holderId) params.set("holderId", String(f.holderId));
  params.set("sort", f.sort);
  params.set("limit", String(ACCOUNTS_PAGE_SIZE));
  params.set("offset", String(f.page * ACCOUNTS_PAGE_SIZE));
  return `/api/accounts?${params.toString()}`;
}

/** Tier 3's customer list: an account manager's own, or everyone's for the head and the back office. */
export function useAccounts(filter: AccountsFilter) {
  return useQuery({
    queryKey: ["accounts", filter],
    queryFn: ({ signal }) => api.get<AccountList>(accountsPath(filter), undefined, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The account manager's instruction for one customer, read fresh from its orders. */
export function useAccountBrief(companyId: number) {
  return useQuery({
    queryKey: ["account-brief", companyId],
    queryFn: ({ signal }) => api.get<{ account: AccountBrief }>(`/api/companies/${companyId}/account`, undefined, signal),
    select: (d) => d.account,
    retry: false,
  });
}

export function useCompanyOrders(companyId: number) {
  return useQuery({
    queryKey: ["orders", { companyId }],
    queryFn: ({ signal }) => api.get<{ total: number; items: Order[] }>("/api/orders", { companyId, limit: 100 }, signal),
    retry: false,
  });
}

/** A repeat order: the brief (its dates move at once), the orders, the timeline and the lists that show the customer. */
export function usePlaceOrder(companyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlaceOrderInput) => api.post<{ order: Order }>(`/api/companies/${companyId}/orders`, input),
    onSuccess: () => {
      for (const key of [["account-brief", companyId], ["orders"], ["timeline", companyId], ["accounts"], ["invoices"]]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
