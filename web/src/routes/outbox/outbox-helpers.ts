// The outbox page's status filter, kept in the address (?status=failed); anything else is "alle".
import type { OutboxStatus } from '../../api/client';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed'];

export function statusFromSearch(value: string | null): OutboxStatus | null {
  return (OUTBOX_STATUSES as readonly string[]).includes(value ?? '') ? (value as OutboxStatus) : null;
}
