// The same test the server applies to an e-mail address (src/core/services/account_rules.cpp),
// so "geen-email" is refused before anything is sent, with the same message.

/** Characters that separate or quote addresses in a mail header; never part of an address here. */
const FORBIDDEN = /[<>,;:"()[\]\\\s\u0000-\u001f\u007f]/;

/** True when `value` (trimmed) looks like a@b.c: one @, something before it, a dot in the domain. */
export function isValidEmail(value: string): boolean {
  const email = value.trim();
  if (email === '' || email.length > 254 || FORBIDDEN.test(email)) {
    return false;
  }
  const at = email.indexOf('@');
  if (at <= 0 || email.indexOf('@', at + 1) !== -1) {
    return false;
  }
  return email.indexOf('.', at + 2) !== -1 && !email.endsWith('.');
}
