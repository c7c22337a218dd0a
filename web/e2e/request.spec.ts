// From scope to request in the browser: a new member (registered and invited by the secretariat)
// fills the scope calculator and sees the total, band and days change as it types (computed by the
// server), is told until when it can request after its self-evaluation, requests an audit with a
// preferred period (a refused period is named at the field, what was typed kept) and lands on the
// trajectory page, which shows the period to the CI as well.
import type { APIRequestContext } from '@playwright/test';
import { linkMailedTo, serverLogAvailable } from './support/mail-log';
import { expect, test } from './support/fixtures';

const EMAIL = 'kwaliteit@toetsklaar.example';
const PASSWORD = 'toetsklaar-wachtwoord-2026';

function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

const CI_EMAIL = 'beheer@toetshuis-oost.example';

/** As the secretariat: registers an organisation and invites its user, who sets a password. */
async function registerWithUser(
  request: APIRequestContext,
  kind: 'members' | 'cis',
  entry: Record<string, unknown>,
  user: { email: string; role: string },
): Promise<void> {
  const login = await request.post('/api/v1/session', {
    data: { email: 'secretariaat@sociaalwerk.example', password: 'e2e-Sterk-Demo-2019!' },
  });
  expect(login.status()).toBe(200);
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  const headers = { 'X-CSRF-Token': csrf };
  const created = await request.post(`/api/v1/${kind}`, { headers, data: entry });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: number }).id;
  const invite = await request.post('/api/v1/users', { headers, data: { ...user, organisation_id: id } });
  expect(invite.status(), await invite.text()).toBe(201);
  await request.delete('/api/v1/session', { headers });
  const link = await linkMailedTo(user.email);
  const token = new URL(link, 'http://x').searchParams.get('token');
  const confirm = await request.post('/api/v1/password-reset/confirm', { data: { token, password: PASSWORD } });
  expect(confirm.status(), await confirm.text()).toBe(204);
}

/**
 * "Stichting Toetsklaar" with its quality officer, and a CI of its own ("Toetshuis Oost", LRQA's
 * rates) with its administrator, so the demo CI's trajectories stay as the other specs expect.
 */
async function newMemberAndCi(request: APIRequestContext): Promise<void> {
  await registerWithUser(
    request,
    'cis',
    {
      name: 'Toetshuis Oost', kvk: '99887766', town: 'Enschede', hkz_welzijn_until: '2099-12-31',
      insured_until: '2099-12-31', complaints_procedure: true, framework_contract: true, tariff_code: 'LRQA',
    },
    { email: CI_EMAIL, role: 'ci-admin' },
  );
  await registerWithUser(
    request,
    'members',
    { name: 'Stichting Toetsklaar', lidnummer: 'SWN-3001', kvk: '55667788', town: 'Deventer', member_from: '2019-01-01' },
    { email: EMAIL, role: 'member' },
  );
}

test.describe.serial('toetsing aanvragen', () => {
  test.skip(!serverLogAvailable(), 'needs the server started by the global setup (its log holds the mails)');

  test('the member fills the scope, requests an audit with a preferred period and lands on the trajectory', async ({
    page,
    checkA11y,
  }) => {
    await newMemberAndCi(page.request);
    const login = await page.request.post('/api/v1/session', { data: { email: EMAIL, password: PASSWORD } });
    expect(login.status()).toBe(200);

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Scope en fte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Scope en fte' })).toBeVisible();
    await expect(page.getByText('Vul de fte in: de omvang, de klasse en de toetsdagen verschijnen hier terwijl u typt.')).toBeVisible();
    // Each group says whether it counts, with the handbook's explanation.
    const volunteers = page.getByRole('textbox', { name: /Niet-bedrijfskritische vrijwilligers/ });
    await expect(volunteers).toHaveAccessibleDescription(/tellen niet mee met de scope/);
    await checkA11y('/scope-en-fte empty');

    const employed = page.getByRole('textbox', { name: /Professionals in loondienst/ });
    await employed.fill('9,5');
    await expect(page.getByTestId('scope-total')).toHaveText('9,5 fte');
    await expect(page.getByTestId('scope-band')).toHaveText('1-10 fte');
    await expect(page.getByTestId('days-ci')).toHaveText('2 dagen');
    await expect(page.getByTestId('days-peer')).toHaveText('2,5 dagen');

    // One more FTE in management and support: the next band, more days — live.
    await page.getByRole('textbox', { name: /Leiding en ondersteuning/ }).fill('1');
    await expect(page.getByTestId('scope-total')).toHaveText('10,5 fte');
    await expect(page.getByTestId('scope-band')).toHaveText('11-20 fte');
    await expect(page.getByTestId('days-ci')).toHaveText('2,5 dagen');
    await expect(page.getByTestId('days-peer')).toHaveText('3 dagen');
    // Volunteers who do not count change nothing but their own bar.
    await volunteers.fill('40');
    await expect(page.getByText('Niet-bedrijfskritische vrijwilligers: 40 fte, telt niet mee')).toBeAttached();
    await expect(page.getByTestId('scope-total')).toHaveText('10,5 fte');
    // A typing error is named at its field.
    await employed.fill('9,5x');
    await expect(employed).toHaveAccessibleDescription(/'9,5x' is geen getal/);
    await employed.fill('9,5');
    await expect(page.getByTestId('scope-total')).toHaveText('10,5 fte');
    await page.getByLabel('Alleen bepaalde werksoorten').check();
    await page.getByLabel('Werksoorten in de scope').fill('jongerenwerk, buurtbemiddeling');
    await checkA11y('/scope-en-fte filled in');

    await page.getByRole('link', { name: 'Verder naar toetsing aanvragen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Toetsing aanvragen' })).toBeVisible();
    // The calculator keeps what was typed.
    await expect(page.getByRole('textbox', { name: /Professionals in loondienst/ })).toHaveValue('9,5');
    await expect(page.getByTestId('scope-total')).toHaveText('10,5 fte');
    await expect(page.getByText('Er is geen afgeronde zelfevaluatie in Sterklabel.', { exact: false })).toBeVisible();

    // A self-evaluation made outside Sterklabel, 30 days ago: the page says until when to request.
    await page.getByLabel('Datum van uw zelfevaluatie buiten Sterklabel').fill(day(-30));
    const limit = new Date();
    limit.setDate(limit.getDate() - 30);
    await expect(page.getByTestId('request-until')).toContainText(`Uw zelfevaluatie is afgerond op ${dutchDate(day(-30))}; u kunt een toetsing aanvragen tot en met`);

    // The estimate per CI; a CI that cannot be chosen says why.
    await expect(page.getByRole('listitem').filter({ hasText: 'CI Toetsbureau' })).toContainText('2,5 toetsdagen, € 3.000,00');
    await expect(page.getByRole('listitem').filter({ hasText: 'CI Toetsbureau' })).toContainText('plus reiskosten € 0,45 per km');
    const toets = page.getByRole('listitem').filter({ hasText: 'Toetshuis Oost' });
    await expect(toets).toContainText('2,5 toetsdagen, € 3.125,00');
    await expect(toets).toContainText('inclusief reistijd en reiskosten');
    const lapsed = page.getByRole('listitem').filter({ hasText: 'Keurmerk Toetsing' });
    if ((await lapsed.count()) > 0) {
      await expect(lapsed).toContainText('Niet te kiezen: geen geldige verzekering');
      await expect(lapsed.getByRole('radio')).toBeDisabled();
    }
    await toets.getByRole('radio').check();
    await checkA11y('/toetsing-aanvragen filled in');

    // A period that ends before it starts: named at the field, what was typed kept.
    await page.getByLabel('Vanaf').fill(day(60));
    await page.getByLabel('Tot en met').fill(day(30));
    await page.getByRole('button', { name: 'Toetsing aanvragen' }).click();
    await expect(page.getByText('Gewenste periode: het einde van de gewenste periode ligt vóór het begin.')).toBeVisible();
    await expect(page.getByLabel('Vanaf')).toBeFocused();
    await expect(page.getByLabel('Vanaf')).toHaveValue(day(60));
    await expect(page.getByLabel('Tot en met')).toHaveValue(day(30));

    // More than 12 months after the self-evaluation: the server's rule (409) is shown.
    await page.getByLabel('Vanaf').fill(day(400));
    await page.getByLabel('Tot en met').fill(day(420));
    await page.getByRole('button', { name: 'Toetsing aanvragen' }).click();
    await expect(page.getByText(/^De aanvraag kan niet: de gewenste periode begint op/)).toBeVisible();
    await expect(page.getByLabel('Vanaf')).toBeFocused();

    await page.getByLabel('Vanaf').fill(day(30));
    await page.getByLabel('Tot en met').fill(day(60));
    await page.getByRole('button', { name: 'Toetsing aanvragen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traject van Stichting Toetsklaar' })).toBeVisible();
    await expect(page.getByTestId('trajectory-state')).toHaveText('toetsing aangevraagd');
    await expect(page.getByTestId('preferred-period')).toHaveText(`${dutchDate(day(30))} tot en met ${dutchDate(day(60))}`);
    await expect(page.getByText('jongerenwerk, buurtbemiddeling')).toBeVisible();
    await checkA11y('the requested trajectory');

    // A second request now is refused before sending: the page says a trajectory is running.
    await page.goto('/toetsing-aanvragen');
    await expect(page.getByText('Er loopt al een traject (toetsing aangevraagd)', { exact: false })).toBeVisible();
  });

  test('the CI sees the request with its preferred period and scope', async ({ page }) => {
    const login = await page.request.post('/api/v1/session', { data: { email: CI_EMAIL, password: PASSWORD } });
    expect(login.status()).toBe(200);
    await page.goto('/trajecten');
    await page.getByRole('link', { name: 'Traject van Stichting Toetsklaar openen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traject van Stichting Toetsklaar' })).toBeVisible();
    await expect(page.getByTestId('preferred-period')).toHaveText(`${dutchDate(day(30))} tot en met ${dutchDate(day(60))}`);
    await expect(page.getByText('jongerenwerk, buurtbemiddeling')).toBeVisible();
    await expect(page.getByText('10,5 fte')).toBeVisible();
  });

  test('a re-certification names the current certificate; the secretariat checks it and the CI sees the checked date', async ({
    page,
    signInAs,
    checkA11y,
  }) => {
    const login = await page.request.post('/api/v1/session', { data: { email: EMAIL, password: PASSWORD } });
    expect(login.status()).toBe(200);
    const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
    const outlook = (await (await page.request.get('/api/v1/audit-request')).json()) as { running: { id: number } | null };
    if (outlook.running) {
      const off = await page.request.post(`/api/v1/trajectories/${outlook.running.id}/events`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { event: 'trajectory_withdrawn', on: day(0), reason: 'hercertificering aanvragen' },
      });
      expect(off.status(), await off.text()).toBe(201);
    }

    await page.goto('/toetsing-aanvragen');
    await page.getByRole('textbox', { name: /Professionals in loondienst/ }).fill('9,5');
    await page.getByLabel('Hercertificering: wij hebben een geldig of geschorst certificaat').check();
    await page.getByRole('listitem').filter({ hasText: 'Toetshuis Oost' }).getByRole('radio').check();
    // Without the certificate's number and date: named before sending, the focus on the number.
    await page.getByRole('button', { name: 'Toetsing aanvragen' }).click();
    await expect(page.getByText('Geef het nummer en de vervaldatum van het huidige certificaat.')).toBeVisible();
    await expect(page.getByLabel('Nummer van het huidige certificaat')).toBeFocused();
    await page.getByLabel('Nummer van het huidige certificaat').fill('SSW-2024-0042');
    await page.getByLabel('Vervaldatum van het huidige certificaat').fill(day(200));
    await checkA11y('/toetsing-aanvragen re-certification');
    await page.getByRole('button', { name: 'Toetsing aanvragen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traject van Stichting Toetsklaar' })).toBeVisible();
    await expect(page.getByText('Hercertificering', { exact: true })).toBeVisible();
    await expect(page.getByTestId('previous-stated')).toHaveText(`SSW-2024-0042, verloopt op ${dutchDate(day(200))}`);
    await expect(page.getByTestId('previous-check')).toHaveText('Nog niet gecontroleerd');
    const url = page.url();

    // The CI accepts; the secretariat finds the member's statement filled in and records what its own records say.
    await page.context().clearCookies();
    const ci = await page.request.post('/api/v1/session', { data: { email: CI_EMAIL, password: PASSWORD } });
    const ciCsrf = ((await ci.json()) as { csrf_token: string }).csrf_token;
    const id = url.split('/').pop();
    const accepted = await page.request.post(`/api/v1/trajectories/${id}/events`, {
      headers: { 'X-CSRF-Token': ciCsrf },
      data: { event: 'audit_accepted', on: day(0) },
    });
    expect(accepted.status(), await accepted.text()).toBe(201);
    await page.context().clearCookies();
    await signInAs('secretariat');
    await page.goto(url);
    const confirm = page.getByRole('region', { name: 'Lidmaatschap bevestigd en toetsing geregistreerd', exact: true });
    await expect(confirm.getByLabel('Eerder certificaat (nummer)')).toHaveValue('SSW-2024-0042');
    await expect(confirm.getByLabel('Vervaldatum eerder certificaat')).toHaveValue(day(200));
    await confirm.getByLabel('Vervaldatum eerder certificaat').fill(day(180));
    await confirm.getByRole('button', { name: 'Lidmaatschap bevestigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Lidmaatschap bevestigd' })).toBeVisible();
    await expect(page.getByTestId('previous-check')).toContainText(`SSW-2024-0042, vervaldatum ${dutchDate(day(180))}`);
    await expect(page.getByTestId('previous-check')).toContainText('Wijkt af van de aanvraag; deze datum geldt.');

    // The CI reads the checked date.
    await page.context().clearCookies();
    await page.request.post('/api/v1/session', { data: { email: CI_EMAIL, password: PASSWORD } });
    await page.goto(url);
    await expect(page.getByTestId('previous-check')).toContainText(`vervaldatum ${dutchDate(day(180))}`);
  });
});
