// The registries in the browser: the secretariat adds a member (a refused field is named in Dutch
// next to the field, with what was typed kept), adds a CI whose insurance has lapsed and sees why it
// cannot be chosen, and invites a user for an organisation; a member and a CI read their own entry
// on "Onze organisatie". axe finds nothing serious on any of these pages.
import { expect, test } from './support/fixtures';

test.describe.serial('registers', () => {
  test('the secretariat adds a member: a refusal names the field in Dutch and keeps what was typed', async ({
    page,
    signInAs,
    checkA11y,
  }) => {
    await signInAs('secretariat');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leden' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Stichting WijkKracht' })).toContainText('Actief lid');
    await checkA11y('/leden');

    // Search and filter.
    await page.getByLabel('Zoek op naam, lidnummer, KvK-nummer of plaats').fill('zwolle');
    await expect(page.getByRole('row').filter({ hasText: 'Welzijn Samen' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Stichting WijkKracht' })).toHaveCount(0);
    await page.getByLabel('Zoek op naam, lidnummer, KvK-nummer of plaats').fill('qqqq');
    await expect(page.getByText('Niets gevonden met deze zoekopdracht of dit filter.')).toBeVisible();
    await page.getByLabel('Zoek op naam, lidnummer, KvK-nummer of plaats').fill('');

    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Nieuw lid' });
    await form.getByLabel('Naam', { exact: true }).fill('Stichting Buurtkracht');
    await form.getByLabel('Lidnummer').fill('SWN-2001');
    await form.getByLabel('KvK-nummer').fill('1234');
    await form.getByLabel('Plaats').fill('Amersfoort');
    await form.getByLabel('Contactpersoon (niet verplicht)').fill('Sanne Bakker');
    await form.getByLabel('Lid sinds').fill('2020-01-01');
    await checkA11y('/leden with the add form');
    await form.getByRole('button', { name: 'Lid opslaan' }).click();

    const kvk = form.getByLabel('KvK-nummer');
    await expect(kvk).toBeFocused();
    await expect(kvk).toHaveAccessibleDescription(/Een KvK-nummer heeft 8 cijfers\./);
    await expect(form.getByText('Een KvK-nummer heeft 8 cijfers.')).toBeVisible();
    // What was typed is still there.
    await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Stichting Buurtkracht');
    await expect(kvk).toHaveValue('1234');
    await expect(form.getByLabel('Contactpersoon (niet verplicht)')).toHaveValue('Sanne Bakker');
    await checkA11y('/leden with a refused field');

    await kvk.fill('12345678');
    await form.getByRole('button', { name: 'Lid opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stichting Buurtkracht' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Het lid is toegevoegd.' })).toBeVisible();
    await expect(page.getByText('Actief lid', { exact: true })).toBeVisible();
    await expect(page.getByText('Deze organisatie heeft nog geen gebruikers.')).toBeVisible();
    await checkA11y('/leden/:id');

    // Ending the membership: the page says it is no longer active, and why.
    await page.getByLabel('Lid tot en met (niet verplicht)').fill('2021-12-31');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' })).toBeVisible();
    await expect(page.getByText('Het lidmaatschap is geëindigd op 2021-12-31.')).toBeVisible();

    // Invite a user for this member.
    const invite = page.getByRole('form', { name: 'Gebruiker uitnodigen' });
    await invite.getByLabel('E-mailadres').fill('geen-adres');
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(invite.getByLabel('E-mailadres')).toBeFocused();
    await expect(invite.getByLabel('E-mailadres')).toHaveAccessibleDescription(/Vul een geldig e-mailadres in\./);
    await invite.getByLabel('E-mailadres').fill('kwaliteit@buurtkracht.example');
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Uitnodiging verstuurd naar kwaliteit@buurtkracht.example' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'kwaliteit@buurtkracht.example' })).toContainText('Uitgenodigd');
  });

  test('a CI whose insurance has lapsed cannot be chosen, and the registry says why', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/instellingen');
    await expect(page.getByRole('heading', { level: 1, name: 'Certificerende instellingen' })).toBeVisible();
    await page.getByRole('button', { name: 'CI toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe certificerende instelling' });
    await form.getByLabel('Naam', { exact: true }).fill('Keurmerk Toetsing');
    await form.getByLabel('KvK-nummer').fill('87654321');
    await form.getByLabel('Plaats').fill('Utrecht');
    await form.getByLabel('Accreditatie ISO 17021 (EA-code 38) geldig tot en met (niet verplicht)').fill('2099-01-01');
    await form.getByLabel('Verzekerd tot en met (niet verplicht)').fill('2020-01-01');
    await form.getByLabel('Heeft een klachtenprocedure').check();
    await form.getByLabel('Tariefcode (niet verplicht)').fill('LRQA');
    await checkA11y('/instellingen with the add form');
    await form.getByRole('button', { name: 'CI opslaan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Keurmerk Toetsing' })).toBeVisible();
    const reasons = page.getByRole('list', { name: 'Waarom niet te kiezen' });
    await expect(reasons).toHaveText('geen geldige verzekering');
    await expect(page.getByText('Niet te kiezen', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dagtarieven van LRQA Training & Improvement Services uit het tarievenbestand' })).toContainText(
      '€ 1.250,00',
    );
    await expect(page.getByText('inclusief reistijd en reiskosten')).toBeVisible();
    await checkA11y('/instellingen/:id (lapsed)');

    // The list shows the same, and the filter finds it.
    await page.getByRole('link', { name: '← Alle certificerende instellingen' }).click();
    await page.getByLabel('Te kiezen', { exact: true }).selectOption({ label: 'Niet te kiezen' });
    const row = page.getByRole('row').filter({ hasText: 'Keurmerk Toetsing' });
    await expect(row).toContainText('Niet te kiezen');
    await expect(row).toContainText('geen geldige verzekering');
    await expect(page.getByRole('row').filter({ hasText: 'CI Toetsbureau' })).toHaveCount(0);
    await checkA11y('/instellingen filtered');
  });

  test('a member and a CI read their own entry on "Onze organisatie"', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Onze organisatie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stichting WijkKracht' })).toBeVisible();
    await expect(page.getByText('Alleen het secretariaat kan deze gegevens wijzigen', { exact: false })).toBeVisible();
    await expect(page.getByText('Actief lid', { exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'kwaliteit@wijkkracht.example' })).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await checkA11y('/organisatie (member)');
    // The member's menu has no registry pages; opening one says "Geen toegang".
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leden' })).toHaveCount(0);
    await page.goto('/leden');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();

    await page.context().clearCookies();
    await signInAs('ci-admin');
    await page.goto('/organisatie');
    await expect(page.getByRole('heading', { level: 1, name: 'CI Toetsbureau' })).toBeVisible();
    await expect(page.getByText('Te kiezen', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dagtarieven van CIIO uit het tarievenbestand' })).toContainText('€ 1.200,00');
    await expect(page.getByText('Reiskosten: € 0,45 per km.')).toBeVisible();
    await checkA11y('/organisatie (ci-admin)');
  });
});
