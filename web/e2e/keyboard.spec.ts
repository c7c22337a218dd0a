// After a failed submit by keyboard, focus goes to the message or to the field it is about, never
// back to the page. An e-mail address that is not one is refused before anything is sent.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** What has the keyboard focus: tag, id and role, or "body". */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return 'body';
    }
    return [element.tagName.toLowerCase(), element.id && `#${element.id}`, element.getAttribute('role') && `[role=${element.getAttribute('role')}]`]
      .filter(Boolean)
      .join('');
  });
}

test.describe('keyboard focus after a failed submit', () => {
  test('login: wrong password, submitted with the button by keyboard → the message has focus', async ({ page }) => {
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.type('kwaliteit@wijkkracht.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('helemaal-fout');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Inloggen' })).toBeFocused();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await answer).status()).toBe(401);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('E-mailadres of wachtwoord is onjuist.');
    await expect(alert).toBeFocused();
    expect(await focused(page)).not.toBe('body');

    // Again: focus returns to the (new) message, not to the page.
    await page.getByRole('button', { name: 'Inloggen' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('alert')).toBeFocused();
  });

  test('login: "geen-email" is refused with the field message, focus on the field, nothing sent', async ({ page }) => {
    let posted = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/session') && request.method() === 'POST') {
        posted = true;
      }
    });
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill('geen-email');
    await page.getByLabel('Wachtwoord').fill('wat-dan-ook');
    await page.getByRole('button', { name: 'Inloggen' }).focus();
    await page.keyboard.press('Enter');
    const email = page.getByLabel('E-mailadres');
    await expect(email).toBeFocused();
    await expect(email).toHaveAccessibleDescription(/Vul een geldig e-mailadres in\./);
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(posted, 'no login request for a non-address').toBe(false);
  });

  test('wachtwoord vergeten: "geen-email" is refused before sending; an empty field gets focus', async ({ page }) => {
    let posted = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/password-reset')) {
        posted = true;
      }
    });
    await page.goto('/wachtwoord-vergeten');
    await page.getByRole('button', { name: 'Stuur mij een link' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('E-mailadres')).toBeFocused();
    await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription(/Vul uw e-mailadres in\./);

    await page.getByLabel('E-mailadres').fill('geen-email');
    await page.getByRole('button', { name: 'Stuur mij een link' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('E-mailadres')).toBeFocused();
    await expect(page.getByLabel('E-mailadres')).toHaveAccessibleDescription(/Vul een geldig e-mailadres in\./);
    await expect(page.getByText('Controleer uw e-mail')).toHaveCount(0);
    expect(posted, 'no reset request for a non-address').toBe(false);

    // The server says the same, for a client that skips the check.
    const direct = await page.request.post('/api/v1/password-reset', { data: { email: 'geen-email' } });
    expect(direct.status()).toBe(400);
    expect((await direct.json()).message).toBe('Vul een geldig e-mailadres in.');
  });

  test('a dead reset link is said once, when the page opens, before any typing', async ({ page }) => {
    await page.goto('/wachtwoord-herstellen?token=bestaat-niet');
    // A dead link is said once, as soon as the page opens, with one way on.
    await expect(page.getByRole('alert')).toContainText('Deze link is ongeldig, al gebruikt of verlopen.');
    await expect(page.getByText(/Vraag een nieuwe link aan/)).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Nieuwe link aanvragen' })).toHaveCount(1);
    await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveCount(0);
  });
});
