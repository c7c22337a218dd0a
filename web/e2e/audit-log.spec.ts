import { DEMO_PASSWORD, DEMO_USERS } from './support/demo-users';
import { expect, test } from './support/fixtures';

test.describe('auditlog', () => {
  test('the secretariat pages through the audit log, filters it, and it reflows on a phone', async ({
    page,
    playwright,
    baseURL,
    signInAs,
    checkA11y,
  }) => {
    // More history than one page (25): sign-ins of a member, each from a fresh request context
    // (a context that holds a session would need its CSRF token for the next POST).
    for (let i = 0; i < 26; i += 1) {
      const context = await playwright.request.newContext({ baseURL });
      const res = await context.post('/api/v1/session', { data: { email: DEMO_USERS.member.email, password: DEMO_PASSWORD } });
      expect(res.status()).toBe(200);
      await context.dispose();
    }
    await signInAs('secretariat');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
    await expect(page).toHaveURL(/\/auditlog$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Tijdstip', 'Actie', 'E-mailadres', 'Betreft', 'Toelichting', 'IP-adres']);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(25);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    // The next page is appended below the first (at least the 26 sign-ins above make a second page).
    await expect.poll(() => rows.count()).toBeGreaterThan(25);
    await checkA11y('/auditlog');

    // Filter on action and actor: only the member's sign-ins, however many pages.
    await page.getByLabel('Actie', { exact: true }).fill('login');
    await page.getByLabel('E-mailadres').fill(DEMO_USERS.member.email.toUpperCase());
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(rows.first()).toContainText(DEMO_USERS.member.email);
    while (await page.getByRole('button', { name: 'Meer laden' }).isVisible()) {
      await page.getByRole('button', { name: 'Meer laden' }).click();
    }
    await expect(page.getByText('Dit is het begin van het log.')).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(26);
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain(DEMO_USERS.member.email);
      expect(text).toMatch(/\blogin\b/);
    }
    // The CSV download carries the same filters and holds every page the table showed.
    const csvLink = page.getByRole('link', { name: 'Download als CSV (met deze filters, alle pagina’s)' });
    const csv = await (await page.request.get((await csvLink.getAttribute('href'))!)).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    expect(lines.length).toBe(await rows.count());
    for (const line of lines) expect(line.split(';').slice(1, 3)).toEqual([DEMO_USERS.member.email, 'login']);

    // A date range the server refuses: the message sits at the field.
    await page.getByLabel('Vanaf datum').fill('2030-01-02');
    await page.getByLabel('Tot en met datum').fill('2030-01-01');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page.getByText('De einddatum ligt vóór de begindatum.')).toBeVisible();
    // A refused filter is not offered as a download; clearing it brings the downloads back.
    await expect(page.getByRole('link', { name: /Download als CSV/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(rows).toHaveCount(25);
    await expect(page.getByRole('link', { name: /Download als CSV/ })).toHaveAttribute('href', '/api/v1/audit-log.csv');

    // Phone and tablet widths: no horizontal scrolling, every cell labelled.
    for (const viewport of [{ width: 390, height: 844 }, { width: 768, height: 1024 }]) {
      await page.setViewportSize(viewport);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${viewport.width}px`).toBeLessThanOrEqual(0);
      const tableOverflow = await page.locator('.table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(tableOverflow, `table wider than its box at ${viewport.width}px`).toBeLessThanOrEqual(0);
      await expect(rows.first().locator('td').first()).toBeVisible();
    }
  });

  test('other roles do not get the audit log', async ({ page, signInAs }) => {
    await signInAs('member');
    await page.goto('/auditlog');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' })).toHaveCount(0);
    expect((await page.request.get('/api/v1/audit-log')).status()).toBe(403);
  });
});
