// The secretariat manages users on /gebruikers: invite (the invitee chooses a password through the
// mailed link), change a role, deactivate and reactivate, send a new link. Each step is audited.
import { DEMO_PASSWORD } from './support/demo-users';
import { linkMailedTo, serverLogAvailable } from './support/mail-log';
import { expect, test } from './support/fixtures';

test.describe('gebruikers beheren', () => {
  test.skip(!serverLogAvailable(), 'needs the server started by the global setup (its log holds the mails)');

  test('invite a new user, who chooses a password through the link and signs in', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/gebruikers');
    await page.getByRole('button', { name: 'Gebruiker uitnodigen' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe gebruiker uitnodigen' });
    await expect(form.getByLabel('E-mailadres')).toBeFocused();
    await checkA11y('/gebruikers invite form');

    // A non-address is refused in the form, focus stays on the field.
    await form.getByLabel('E-mailadres').fill('geen-email');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).focus();
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('E-mailadres')).toBeFocused();
    await expect(form.getByLabel('E-mailadres')).toHaveAccessibleDescription(/Vul een geldig e-mailadres in\./);

    await form.getByLabel('E-mailadres').fill('nieuwe.collega@wijkkracht.example');
    await form.getByLabel('Naam (niet verplicht)').fill('Nieuwe Collega');
    await form.getByLabel('Rol').selectOption({ label: 'Kwaliteitsfunctionaris (lid)' });
    await form.getByLabel('Organisatie').selectOption({ label: 'Stichting WijkKracht' });
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Uitnodiging verstuurd naar nieuwe.collega@wijkkracht.example' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'nieuwe.collega@wijkkracht.example' });
    await expect(row.getByText('Uitgenodigd', { exact: true })).toBeVisible();

    // The invitee follows the link, in a browser of their own.
    const link = await linkMailedTo('nieuwe.collega@wijkkracht.example');
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Sterklabel: kies uw wachtwoord' })).toBeVisible();
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAccessibleDescription(/minstens 10 tekens/);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('mijn eerste wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('mijn eerste wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Uw wachtwoord is ingesteld' })).toBeVisible();

    await page.getByRole('link', { name: 'Naar inloggen' }).click();
    await page.getByLabel('E-mailadres').fill('nieuwe.collega@wijkkracht.example');
    await page.getByLabel('Wachtwoord').fill('mijn eerste wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom, Nieuwe Collega' })).toBeVisible();
  });

  test('change a role, deactivate (no more login), reactivate, send a new link; all audited', async ({
    page,
    signInAs,
    playwright,
    baseURL,
  }) => {
    await signInAs('secretariat');
    await page.goto('/gebruikers');
    const row = () => page.getByRole('row').filter({ hasText: 'beoordelaar@ci-toets.example' });

    await row().getByRole('button', { name: /^Rol van .* wijzigen$/ }).click();
    const roleForm = page.getByRole('form', { name: /^Rol van .* wijzigen$/ });
    await roleForm.getByLabel('Rol').selectOption({ label: 'Beheercommissie' });
    await expect(roleForm.getByLabel('Organisatie')).toHaveCount(0);
    await roleForm.getByRole('button', { name: 'Rol opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'heeft nu de rol Beheercommissie' })).toBeVisible();
    await expect(row().getByText('Beheercommissie', { exact: true })).toBeVisible();

    await row().getByRole('button', { name: /deactiveren$/ }).click();
    await expect(row().getByText('Gedeactiveerd', { exact: true })).toBeVisible();
    const stranger = await playwright.request.newContext({ baseURL });
    const refused = await stranger.post('/api/v1/session', {
      data: { email: 'beoordelaar@ci-toets.example', password: DEMO_PASSWORD },
    });
    expect(refused.status(), 'a deactivated user cannot log in').toBe(401);
    await stranger.dispose();

    await row().getByRole('button', { name: /weer activeren$/ }).click();
    await expect(row().getByText('Actief', { exact: true })).toBeVisible();

    await row().getByRole('button', { name: /^Link voor een nieuw wachtwoord sturen aan/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'is verstuurd naar beoordelaar@ci-toets.example' })).toBeVisible();
    await linkMailedTo('beoordelaar@ci-toets.example');

    // Its own row offers no way to lock itself out.
    const own = page.getByRole('row').filter({ hasText: 'secretariaat@sociaalwerk.example' });
    await expect(own.getByRole('button')).toHaveCount(0);

    const log = await page.request.get('/api/v1/audit-log?limit=50');
    const actions = ((await log.json()) as { entries: { action: string }[] }).entries.map((entry) => entry.action);
    for (const action of ['user.role', 'user.deactivate', 'user.activate', 'user.link']) {
      expect(actions, action).toContain(action);
    }
  });
});
