// An error answer from the server: its HTTP status and the body {code, message, field?}.
import type { components } from './generated/schema';

export type ErrorCode = components['schemas']['ErrorCode'];

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | null;
  readonly field: string | null;
  /** The server's message (Dutch), or null when the body was not an error object. */
  readonly serverMessage: string | null;
  /** The whole error body, for answers that carry more than {code, message, field} (a register import's `errors`). */
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    const parsed = parseErrorBody(body);
    super(parsed.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = parsed.code;
    this.field = parsed.field;
    this.serverMessage = parsed.message;
    this.body = body;
  }
}

function parseErrorBody(body: unknown): { code: ErrorCode | null; message: string | null; field: string | null } {
  if (typeof body !== 'object' || body === null) {
    return { code: null, message: null, field: null };
  }
  const record = body as Record<string, unknown>;
  const code = typeof record.code === 'string' ? (record.code as ErrorCode) : null;
  const message = typeof record.message === 'string' && record.message !== '' ? record.message : null;
  const field = typeof record.field === 'string' && record.field !== '' ? record.field : null;
  return { code, message, field };
}

/** Turns an openapi-fetch answer into its data, or throws ApiError for a non-2xx status. */
export async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    throw new ApiError(response.status, error);
  }
  return data as D;
}
