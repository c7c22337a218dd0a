// The audit log page's pure helpers (no browser needed): its filters and their download link.
export type Filters = { action: string; actor: string; from: string; to: string };

/** The download of the applied filters' whole log (every page), as CSV or Excel. */
export function auditLogExportHref(filters: Filters, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const key of ['action', 'actor', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return `/api/v1/audit-log.${format}${query ? `?${query}` : ''}`;
}
