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

  test('reset with a bad token shows the server’s message', async ({ page, checkA11y }) => {
    await page.goto('/wachtwoord-herstellen?token=bestaat-niet');
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
    await checkA11y('/wachtwoord-herstellen');

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAccessibleDescription(/minstens 10 tekens/);

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een lang genoeg wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een lang genoeg wachtwoord');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/password-reset/confirm'));
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    const response = await answer;
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { message: string; field?: string };
    expect(body.field).toBe('token');
    await expect(page.getByRole('alert')).toContainText(body.message);
    await expect(page.getByRole('link', { name: 'Nieuwe link aanvragen' })).toBeVisible();
    await checkA11y('/wachtwoord-herstellen with a bad token');
  });

  test('reset without a token explains what to do', async ({ page, checkA11y }) => {
    await page.goto('/wachtwoord-herstellen');
    await expect(page.getByRole('alert')).toContainText('Deze link is niet volledig.');
    await checkA11y('/wachtwoord-herstellen without token');
  });
});
