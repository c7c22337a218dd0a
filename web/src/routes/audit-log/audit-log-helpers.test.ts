import { describe, expect, it } from 'vitest';
import { auditLogExportHref } from './audit-log-helpers';

describe('auditLogExportHref', () => {
  it('carries the applied filters, trimmed, without paging', () => {
    expect(auditLogExportHref({ action: ' login ', actor: 'A@B.nl', from: '2026-01-01', to: '' }, 'csv')).toBe(
      '/api/v1/audit-log.csv?action=login&actor=A%40B.nl&from=2026-01-01',
    );
  });
  it('is the whole log without filters', () => {
    expect(auditLogExportHref({ action: '', actor: '', from: '', to: '' }, 'xlsx')).toBe('/api/v1/audit-log.xlsx');
  });
});
