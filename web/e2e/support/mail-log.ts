// The mails a demo server without SMTP wrote to its log (global-setup.ts keeps that log), so a test
// can follow an invitation or reset link as its recipient would.
import { existsSync, readFileSync } from 'node:fs';

export function serverLogAvailable(): boolean {
  const file = process.env.STERK_E2E_SERVER_LOG;
  return !!file && existsSync(file);
}

/** The newest link mailed to `email` (a path with its token), waiting for it to appear. */
export async function linkMailedTo(email: string, { notThis = '', timeoutMs = 5_000 } = {}): Promise<string> {
  const file = process.env.STERK_E2E_SERVER_LOG;
  if (!file) {
    throw new Error('STERK_E2E_SERVER_LOG is not set: the server was not started by the global setup');
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const links = log
      .split('----- Aan: ')
      .slice(1)
      .filter((block) => block.startsWith(email))
      .map((block) => /https?:\/\/[^\s/]+(\/wachtwoord-herstellen\?token=[A-Za-z0-9_-]+)/.exec(block)?.[1])
      .filter((link): link is string => !!link);
    const newest = links.at(-1);
    if (newest && newest !== notThis) {
      return newest;
    }
    if (Date.now() > deadline) {
      throw new Error(`no mail with a link to ${email} in ${file}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
