import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from './support/demo-users';
import { expect, test } from './support/fixtures';

const ROLES = Object.keys(DEMO_USERS) as DemoRole[];

test.describe('inloggen', () => {
  test('the login page is accessible and a signed-out visit to / goes there', async ({ page, checkA11y }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await checkA11y('/inloggen');
  });

  for (const role of ROLES) {
    test(`${role} signs in and lands on the home page`, async ({ page, checkA11y }) => {
      const user = DEMO_USERS[role];
      await page.goto('/inloggen');
      await page.getByLabel('E-mailadres').fill(user.email);
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();

      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Wat vraagt nu mijn actie?' })).toBeVisible();
      const profile = page.getByRole('region', { name: 'Uw gegevens' });
      await expect(profile).toContainText(user.email);
      await expect(profile).toContainText(user.roleLabel);
      await expect(profile).toContainText(user.organisation ?? 'Geen organisatie');
      // The header says who is signed in.
      await expect(page.getByRole('banner')).toContainText(user.roleLabel);

      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await expect(menu.getByRole('link', { name: 'Normenkader' })).toBeVisible();
      await expect(menu.getByRole('link', { name: 'Gebruikers' })).toHaveCount(role === 'secretariat' ? 1 : 0);
      await checkA11y(`home (${role})`);
    });
  }

  test('a wrong password shows the server’s Dutch message', async ({ page }) => {
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(DEMO_USERS.auditor.email);
    await page.getByLabel('Wachtwoord').fill('dit-is-niet-het-wachtwoord');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const response = await answer;
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('unauthenticated');
    expect(body.message.length).toBeGreaterThan(0);

    await expect(page.getByRole('alert')).toHaveText(body.message);
    await expect(page).toHaveURL(/\/inloggen$/);
  });

  test('empty fields get their error next to the field', async ({ page, checkA11y }) => {
    await page.goto('/inloggen');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const email = page.getByLabel('E-mailadres');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/Vul uw e-mailadres in/);
    await expect(page.getByLabel('Wachtwoord')).toHaveAccessibleDescription(/Vul uw wachtwoord in/);
    await expect(email).toBeFocused();
    await checkA11y('/inloggen with field errors');
  });

  test('keyboard only: skip link, fill in, submit with Enter', async ({ page }) => {
    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    // Focus is visible: a solid outline of at least 2px.
    const outline = await skip.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    const email = page.getByLabel('E-mailadres');
    for (let i = 0; i < 10 && !(await email.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(email).toBeFocused();
    expect(await email.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.type(DEMO_USERS.member.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Wachtwoord')).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test('logout returns to /inloggen and ends the session', async ({ page, signInAs }) => {
    await signInAs('member');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.getByRole('status').filter({ hasText: 'U bent uitgelogd.' })).toBeVisible();
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(401);
    // Going back to a protected page asks to sign in again.
    await page.goto('/');
    await expect(page).toHaveURL(/\/inloggen$/);
  });
});
