import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/connect.js";
import type { CompanyScope } from "../../server/access/index.js";
import type { Language } from "../../server/errors.js";
import { invoiceWhere } from "../accounts/queries.js";
import { keysetPages, listSheet, type ExportSheet, type ListColumn } from "./sheet.js";
import { exportWords } from "./words.js";

interface InvoiceLine {
  id: number;
  number: string;
  issued_on: string;
  due_on: string;
  company_id: number;
  legal_name: string;
  legal_id: string | null;
  order_id: number;
  amount_minor: number;
  currency: string;
  status: "issued" | "paid" | "cancelled";
  paid_on: string | null;
  cancel_reason: string | null;
  issued_by: string | null;
}

/** The back office's invoice list filters (GET /api/invoices without paging): the file is in id order. */
export interface InvoiceExportFilter {
  scope: CompanyScope;
  today: string;
  status?: "issued" | "paid" | "cancelled" | "overdue";
  companyId?: number;
}

function readInvoices(db: Db, filter: InvoiceExportFilter, afterId: number, limit: number): Promise<InvoiceLine[]> {
  return selectRows<InvoiceLine>(
    db,
    sql`select i.id, i.number, i.issued_on::text as issued_on, i.due_on::text as due_on, i.company_id, c.legal_name, c.legal_id, i.order_id,
               i.amount_minor::float8 as amount_minor, i.currency, i.status, i.paid_on::text as paid_on, i.cancel_reason, u.full_name as issued_by
        from invoices i join companies c on c.id = i.company_id left join users u on u.id = i.issued_by
        where ${invoiceWhere(filter)} and i.id > ${afterId}
        order by i.id limit ${limit}`,
  );
}

type Header = "number" | "issuedOn" | "dueOn" | "status" | "companyId" | "legalName" | "legalId" | "order" | "amount" | "currency" | "paidOn" | "cancelReason" | "issuedBy";

const HEADERS: Record<Language, { sheet: string; headers: Record<Header, string> }> = {
  ru: {
    sheet: "Счета",
    headers: {
      number: "Номер счёта", issuedOn: "Дата счёта", dueOn: "Оплатить до", status: "Статус", companyId: "ID компании", legalName: "Компания",
      legalId: "ИНН / ЕГРПОУ", order: "Заказ", amount: "Сумма", currency: "Валюта", paidOn: "Дата оплаты", cancelReason: "Причина отмены", issuedBy: "Выставил",
    },
  },
  uk: {
    sheet: "Рахунки",
    headers: {
      number: "Номер рахунку", issuedOn: "Дата рахунку", dueOn: "Сплатити до", status: "Статус", companyId: "ID компанії", legalName: "Компанія",
      legalId: "ЄДРПОУ / ІПН", order: "Замовлення", amount: "Сума", currency: "Валюта", paidOn: "Дата оплати", cancelReason: "Причина скасування", issuedBy: "Виставив",
    },
  },
  en: {
    sheet: "Invoices",
    headers: {
      number: "Invoice number", issuedOn: "Issued on", dueOn: "Due on", status: "Status", companyId: "Company ID", legalName: "Company",
      legalId: "Tax id", order: "Order", amount: "Amount", currency: "Currency", paidOn: "Paid on", cancelReason: "Cancel reason", issuedBy: "Issued by",
    },
  },
};

/** The invoice list (the same filters and scope as GET /api/invoices) as one sheet, read in keyset pages. */
export function invoiceSheet(db: Db, filter: InvoiceExportFilter, language: Language): ExportSheet {
  const statuses = exportWords(language).invoiceStatuses;
  const columns: ListColumn<InvoiceLine, Header>[] = [
    { key: "number", kind: "text", width: 16, value: (i) => i.number },
    { key: "issuedOn", kind: "date", width: 13, value: (i) => i.issued_on },
    { key: "dueOn", kind: "date", width: 13, value: (i) => i.due_on },
    // Overdue is issued and past due today, as on screen.
    { key: "status", kind: "text", width: 14, value: (i) => statuses[i.status === "issued" && i.due_on < filter.today ? "overdue" : i.status] },
    { key: "companyId", kind: "integer", width: 10, value: (i) => i.company_id },
    { key: "legalName", kind: "text", width: 40, value: (i) => i.legal_name },
    { key: "legalId", kind: "text", width: 14, value: (i) => i.legal_id },
    { key: "order", kind: "integer", width: 10, value: (i) => i.order_id },
    { key: "amount", kind: "money", width: 16, value: (i) => i.amount_minor },
    { key: "currency", kind: "text", width: 9, value: (i) => i.currency },
    { key: "paidOn", kind: "date", width: 13, value: (i) => i.paid_on },
    { key: "cancelReason", kind: "text", width: 30, value: (i) => i.cancel_reason },
    { key: "issuedBy", kind: "text", width: 24, value: (i) => i.issued_by },
  ];
  const { sheet, headers } = HEADERS[language];
  return listSheet(sheet, columns, headers, keysetPages((afterId, limit) => readInvoices(db, filter, afterId, limit)));
}
