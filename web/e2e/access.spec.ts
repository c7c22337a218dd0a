import { DEMO_PASSWORD } from './support/demo-users';
import { expect, test } from './support/fixtures';

test.describe('toegang', () => {
  test('a member who opens /gebruikers sees "Geen toegang"', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    await page.goto('/gebruikers');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page).toHaveURL(/\/gebruikers$/);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
    // The server refuses the data as well.
    expect((await page.request.get('/api/v1/users')).status()).toBe(403);
    await checkA11y('403 Geen toegang');
  });

  test('the secretariat sees the users table', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
    await expect(page).toHaveURL(/\/gebruikers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Naam en e-mailadres', 'Rol en organisatie', 'Status', 'Acties']);
    await expect(table.getByRole('row')).toHaveCount(1 + 10);
    await expect(table).toContainText('kwaliteit@samenwelzijn.example');
    await expect(table).toContainText('Stichting WijkKracht');
    await checkA11y('/gebruikers');
  });

  test('signed out, /gebruikers asks to sign in and returns there', async ({ page }) => {
    await page.goto('/gebruikers');
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fgebruikers$/);
    await page.getByLabel('E-mailadres').fill('secretariaat@sociaalwerk.example');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/gebruikers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  });

  test('an unknown address shows "Pagina niet gevonden"', async ({ page, checkA11y, signInAs }) => {
    await page.goto('/bestaat-niet/echt-niet');
    await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
    await checkA11y('404 signed out');
    await signInAs('committee');
    await page.goto('/rapporten/123');
    await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toBeVisible();
  });
});
