import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Invoice, InvoiceStatus, Order } from "../api/types";

export const PAGE_SIZE = 25;

/** The tabs of the back office's screen: orders still to bill, then invoices by where they stand. */
export const BILLING_TABS = ["toBill", "issued", "overdue", "paid", "cancelled"] as const;
export type BillingTab = (typeof BILLING_TABS)[number];
export type InvoiceTab = Exclude<BillingTab, "toBill">;

interface Page<T> {
  total: number;
  items: T[];
}

/** Orders without a live invoice, oldest first: the back office's queue. */
export function useOrdersToBill(page: number, enabled = true) {
  return useQuery({
    queryKey: ["orders", { invoiced: false, page }],
    queryFn: ({ signal }) => api.get<Page<Order>>("/api/orders", { invoiced: false, limit: PAGE_SIZE, offset: page * PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Invoices by status, soonest due first; "overdue" is issued and past due. */
export function useInvoices(status: InvoiceStatus | "overdue", page: number, enabled = true) {
  return useQuery({
    queryKey: ["invoices", { status, page }],
    queryFn: ({ signal }) => api.get<Page<Invoice>>("/api/invoices", { status, limit: PAGE_SIZE, offset: page * PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useRefreshBilling() {
  const queryClient = useQueryClient();
  return (companyId: number) => {
    for (const key of [["orders"], ["invoices"], ["accounts"], ["timeline", companyId]]) void queryClient.invalidateQueries({ queryKey: key });
  };
}

export interface IssueInvoiceInput {
  orderId: number;
  /** Blank: the server gives the next number of the year (2026-000001). */
  number?: string;
  /** Blank: today on the server. */
  issuedOn?: string;
  dueOn: string;
}

export function useIssueInvoice() {
  const refresh = useRefreshBilling();
  return useMutation({
    mutationFn: ({ orderId, ...body }: IssueInvoiceInput) => api.post<{ invoice: Invoice }>(`/api/orders/${orderId}/invoice`, body),
    onSuccess: ({ invoice }) => refresh(invoice.companyId),
  });
}

export function usePayInvoice() {
  const refresh = useRefreshBilling();
  return useMutation({
    mutationFn: ({ id, paidOn }: { id: number; paidOn?: string }) => api.post<{ invoice: Invoice }>(`/api/invoices/${id}/pay`, paidOn ? { paidOn } : {}),
    onSuccess: ({ invoice }) => refresh(invoice.companyId),
  });
}

export function useCancelInvoice() {
  const refresh = useRefreshBilling();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<{ invoice: Invoice }>(`/api/invoices/${id}/cancel`, { reason }),
    onSuccess: ({ invoice }) => refresh(invoice.companyId),
  });
}
