// The one place where a failure becomes a message for the user.
// The server's {code, message, field} is shown as given (its message is Dutch); in English the message
// comes from the dictionary by code (and field). A 401 anywhere sends the user to /inloggen.
import { ApiError } from '../api/api-error';
import { PASSWORD_MIN_LENGTH } from '../api/generated/rules';
import type { Language, Translate } from '../i18n/types';

export type UiErrorKind = 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid' | 'network' | 'other';

export interface UiError {
  kind: UiErrorKind;
  /** The server's error code, when the server answered with one. */
  code: string | null;
  /** The request field the message is about (show it next to that field). */
  field: string | null;
  message: string;
}

export interface HandleErrorOptions {
  t: Translate;
  language: Language;
  /** False on the login form, where 401 means "wrong e-mail or password", not "session expired". */
  redirectOnUnauthenticated?: boolean;
}

type UnauthenticatedListener = () => void;
let unauthenticatedListener: UnauthenticatedListener | null = null;

/** The session registers what a 401 does (forget the session, go to /inloggen). */
export function setUnauthenticatedListener(listener: UnauthenticatedListener | null): void {
  unauthenticatedListener = listener;
}

function kindFor(error: ApiError): UiErrorKind {
  if (error.status === 401 || error.code === 'unauthenticated') {
    return 'unauthenticated';
  }
  if (error.status === 403 || error.code === 'permission_denied' || error.code === 'csrf') {
    return 'forbidden';
  }
  if (error.status === 404 || error.code === 'not_found') {
    return 'not-found';
  }
  if (error.status === 400 || error.status === 409 || error.status === 413 || error.status === 429) {
    return 'invalid';
  }
  return 'other';
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Maps any thrown value to a UiError, without side effects. */
export function describeError(error: unknown, { t, language }: Pick<HandleErrorOptions, 't' | 'language'>): UiError {
  if (error instanceof ApiError) {
    const kind = kindFor(error);
    const code = error.code;
    const field = error.field;
    let message: string | null = null;
    if (language === 'nl' && error.serverMessage) {
      message = error.serverMessage;
    } else if (code) {
      const params = { min: PASSWORD_MIN_LENGTH };
      message = (field && t.optional(`error.${code}.${field}`, params)) || t.optional(`error.${code}`, params);
    }
    if (!message) {
      message = t.optional(`error.status.${error.status}`) || t('error.unknown', { status: String(error.status) });
    }
    return { kind, code, field, message };
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the server cannot be reached.
    return { kind: 'network', code: null, field: null, message: t('error.network') };
  }
  return { kind: 'other', code: null, field: null, message: t('error.unexpected') };
}

/**
 * Describes the error and acts on it: a 401 (unless disabled) goes to /inloggen.
 * Returns null for an aborted request, which is not an error for the user.
 */
export function handleError(error: unknown, options: HandleErrorOptions): UiError | null {
  if (isAbort(error)) {
    return null;
  }
  const uiError = describeError(error, options);
  if (uiError.kind === 'unauthenticated' && options.redirectOnUnauthenticated !== false) {
    unauthenticatedListener?.();
  }
  if (uiError.kind === 'other' && !(error instanceof ApiError)) {
    console.error(error);
  }
  return uiError;
}
