// Shared test helpers: the server's address as baseURL, sign-in through the API, an axe-core scan
// that fails on serious or critical violations, and a guard that fails a test on script errors or
// Content-Security-Policy violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from './demo-users';

export { expect };

export interface Fixtures {
  /** Signs in through POST /api/v1/session in this page's context (shares its cookies). */
  signInAs: (role: DemoRole) => Promise<void>;
  /** Runs axe-core on the page as it is now and fails on serious or critical violations. */
  checkA11y: (what: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.STERK_E2E_BASE_URL;
    if (!url) {
      throw new Error('STERK_E2E_BASE_URL not set: the global setup did not start the server');
    }
    await use(url);
  },

  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
        problems.push(`CSP: ${message.text()}`);
      }
    });
    await use(page);
    expect(problems, 'script errors or CSP violations in the page').toEqual([]);
  },

  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      const response = await page.request.post('/api/v1/session', {
        data: { email: DEMO_USERS[role].email, password: DEMO_PASSWORD },
      });
      expect(response.status(), `sign in as ${role}`).toBe(200);
    });
  },

  checkA11y: async ({ page }, use) => {
    await use(async (what) => {
      await expectAccessible(page, what);
    });
  },
});

export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of opening an extra blank page per scan (about
  // half a second each); the app has no frames, so nothing is missed.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((node) => node.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  expect(report, `axe-core: serious or critical violations on ${what}`).toEqual([]);
}
