import { expect, test } from './support/fixtures';

test('after too many failed logins the message says so and links to "Wachtwoord vergeten?"', async ({ page, checkA11y }) => {
  // An address without an account: its lockout for this client touches no other test.
  const email = 'vergeetachtig@nergens.example';
  for (let i = 0; i < 5; i += 1) {
    const res = await page.request.post('/api/v1/session', { data: { email, password: `fout-${i}` } });
    expect(res.status()).toBe(401);
  }
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('nog-een-poging');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Te veel mislukte inlogpogingen');
  await alert.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
  await page.goBack();
  await checkA11y('/inloggen na 429');
});
