import { expect, test } from './support/fixtures';

test.describe('wachtwoord', () => {
  test('forgotten password: request a link', async ({ page, checkA11y }) => {
    await page.goto('/inloggen');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
    await checkA11y('/wachtwoord-vergeten');

    await page.getByLabel('E-mailadres').fill('iemand@nergens.example');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/password-reset'));
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    expect((await answer).status()).toBe(202);
    await expect(page.getByRole('status').filter({ hasText: 'Controleer uw e-mail' })).toBeVisible();
  });

  test('a bad token is checked when the page opens and shows the server’s message once', async ({ page, checkA11y }) => {
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/password-reset/check'));
    await page.goto('/wachtwoord-herstellen?token=bestaat-niet');
    const response = await answer;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { valid: boolean; message: string };
    expect(body.valid).toBe(false);
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(body.message);
    // No password fields for a dead link, and one way on.
    await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nieuwe link aanvragen' })).toHaveCount(1);
    await expect(page.getByText(/Vraag een nieuwe link aan/)).toHaveCount(1);
    await checkA11y('/wachtwoord-herstellen with a bad token');
  });

  test('reset without a token explains what to do', async ({ page, checkA11y }) => {
    await page.goto('/wachtwoord-herstellen');
    await expect(page.getByRole('alert')).toContainText('Deze link is niet volledig.');
    await checkA11y('/wachtwoord-herstellen without token');
  });
});
