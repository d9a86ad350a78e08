import type { ExportFilters, ExportFormat } from "./types";

/**
 * Where the browser downloads a list from: the list's export endpoint with its current filters
 * and the format. A plain link: the session cookie goes along, the server names the file.
 */
export function exportUrl(path: string, format: ExportFormat, filters: ExportFilters = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  params.set("format", format);
  return `${path}?${params.toString()}`;
}
