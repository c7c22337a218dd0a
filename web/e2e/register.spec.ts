// The certificate and the public Kwaliteitsregister (issue 11) in the browser against the real server.
// A member of its own (made through the API, so the demo's trajectories stay as the other specs
// expect them) gets final findings with every norm met, positive advice and Part A sent to the
// secretariat. The secretariat then checks Part A in the browser: receipt is refused while Part A is
// incomplete, Part A goes back to the CI with remarks (which the CI sees with its deadline), the CI
// completes and resubmits it (API), receipt is confirmed and the certificate issued. Anyone then finds
// the member in the register without logging in, opens the certificate from the QR code on its PDF
// (decoded with Debian's pdftoppm and zbarimg) and sees it verified in the browser; one altered query
// field makes the check fail. axe runs on every page. The steps build on each other: in order.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from './support/demo-users';
import { expect, test } from './support/fixtures';
import { linkMailedTo, serverLogAvailable } from './support/mail-log';

const MEMBER = 'Stichting Buurtcafé Registerproef';
const MEMBER_EMAIL = 'kwaliteit@registerproef.example';
const MEMBER_PASSWORD = 'registerproef-wachtwoord-2026';
const TOWN = 'Súdwest-Fryslân';

function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An API client signed in as `email`: its session cookie, and its CSRF token on every write. */
async function apiAs(email: string, password: string): Promise<APIRequestContext> {
  const baseURL = process.env.STERK_E2E_BASE_URL;
  const context = await playwrightRequest.newContext({ baseURL });
  const login = await context.post('/api/v1/session', { data: { email, password } });
  expect(login.status(), `sign in as ${email}`).toBe(200);
  const { csrf_token: csrf } = await login.json();
  const storageState = await context.storageState();
  await context.dispose();
  return playwrightRequest.newContext({ baseURL, storageState, extraHTTPHeaders: { 'X-CSRF-Token': csrf } });
}

const demo = (role: DemoRole) => apiAs(DEMO_USERS[role].email, DEMO_PASSWORD);

async function ok(pending: Promise<APIResponse>, status = 201): Promise<APIResponse> {
  const answer = await pending;
  expect(answer.status(), await answer.text()).toBe(status);
  return answer;
}

function hasTool(name: string): boolean {
  return ['/usr/bin', '/usr/local/bin', '/bin'].some((dir) => existsSync(join(dir, name)));
}

/** The QR code of the certificate's PDF, as a phone would scan it. */
async function scannedQr(number: string): Promise<string> {
  const member = await apiAs(MEMBER_EMAIL, MEMBER_PASSWORD);
  const pdf = await ok(member.get(`/api/v1/certificates/${number}.pdf`), 200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'sterk-e2e-qr-'));
  try {
    const file = join(dir, 'certificaat.pdf');
    writeFileSync(file, await pdf.body());
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    return execFileSync('zbarimg', ['--raw', '-q', join(dir, png)]).toString().trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await member.dispose();
  }
}

let id = 0;
let number = '';

test.describe.serial('Kwaliteitsregister en certificaat', () => {
  test.skip(!serverLogAvailable(), 'needs the server started by the global setup (its log holds the invitation)');

  test('setup: a member of its own with positive advice and Part A at the secretariat', async () => {
    const secretariat = await demo('secretariat');
    const member = await ok(
      secretariat.post('/api/v1/members', {
        data: {
          name: MEMBER,
          lidnummer: 'SWN-1096',
          kvk: '87654323',
          town: TOWN,
          member_from: '2012-01-01',
          // Part A prints the member's contact details: the check wants them filled.
          address: 'Marktstraat 1',
          contact_person: 'Anna de Vries',
          phone: '0515 123456',
          email: 'info@registerproef.example',
        },
      }),
    );
    const memberId = (await member.json()).id;
    await ok(secretariat.post('/api/v1/users', { data: { email: MEMBER_EMAIL, role: 'member', organisation_id: memberId } }));
    const link = await linkMailedTo(MEMBER_EMAIL);
    const token = new URL(link, 'http://x').searchParams.get('token');
    await ok(secretariat.post('/api/v1/password-reset/confirm', { data: { token, password: MEMBER_PASSWORD } }), 204);

    const cis = await (await secretariat.get('/api/v1/cis')).json();
    const ci = cis.cis.find((c: { name: string }) => c.name === 'CI Toetsbureau');
    const own = await apiAs(MEMBER_EMAIL, MEMBER_PASSWORD);
    const requested = await ok(
      own.post('/api/v1/trajectories', {
        data: { ci_id: ci.id, variant: 'ci', self_evaluation_completed_on: day(-30), fte: { professionals_employed: 14 } },
      }),
    );
    id = (await requested.json()).id;
    const events = `/api/v1/trajectories/${id}/events`;
    const ciAdmin = await demo('ci-admin');
    await ok(ciAdmin.post(events, { data: { event: 'audit_accepted', on: day(0) } }));
    await ok(secretariat.post(events, { data: { event: 'membership_confirmed', on: day(0) } }));
    const auditors = (await (await ciAdmin.get('/api/v1/auditors')).json()) as { auditors: { id: number; email: string }[] };
    const leader = auditors.auditors.find((a) => a.email === DEMO_USERS.auditor.email)!;
    const assessor = auditors.auditors.find((a) => a.email === 'beoordelaar@ci-toets.example')!;
    await ok(
      ciAdmin.post(events, {
        data: {
          event: 'audit_planned',
          on: day(0),
          first_day: day(0),
          last_day: day(0),
          team: [
            { auditor_id: leader.id, role: 'team_leader' },
            { auditor_id: assessor.id, role: 'assessor' },
          ],
        },
      }),
    );
    const teamLeader = await demo('auditor');
    const findings = (await (await teamLeader.get(`/api/v1/trajectories/${id}/findings`)).json()) as { findings: { norm: string; version: number }[] };
    const sources = [
      { kind: 'interview', function: 'jongerenwerker', department: 'Jeugd' },
      { kind: 'document', title: 'Jaarverslag 2025' },
    ];
    for (const finding of findings.findings) {
      await ok(
        teamLeader.put(`/api/v1/trajectories/${id}/findings/${finding.norm}`, { data: { version: finding.version, verdict: '+', text: 'Voldoet.', sources } }),
        200,
      );
    }
    await ok(teamLeader.post(events, { data: { event: 'last_audit_day', on: day(0) } }));
    await ok(teamLeader.post(events, { data: { event: 'concept_sent', on: day(0) } }));
    const remark = await ok(own.post(`/api/v1/trajectories/${id}/remarks`, { data: { target: findings.findings[0].norm, text: 'Feitelijke correctie.' } }));
    await ok(own.post(events, { data: { event: 'corrections_received', on: day(0) } }));
    await ok(
      ciAdmin.post(`/api/v1/trajectories/${id}/remarks/${(await remark.json()).id}/decision`, { data: { decision: 'rejected', reason: 'Klopt zoals het er staat.' } }),
      200,
    );
    await ok(ciAdmin.post(events, { data: { event: 'findings_final', on: day(0) } }));
    await ok(teamLeader.post(events, { data: { event: 'positive_advice', on: day(0) } }));
    await ok(ciAdmin.post(events, { data: { event: 'part_a_received', on: day(0) } }));
    for (const context of [secretariat, own, ciAdmin, teamLeader]) {
      await context.dispose();
    }
  });

  test('the secretariat checks Part A: receipt refused while incomplete, returned to the CI with remarks', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto(`/trajecten/${id}`);
    await page.getByRole('link', { name: 'Controle deel A' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Controle deel A' })).toBeVisible();
    await expect(page.getByTestId('part-a-complete')).toHaveText('Deel A is niet compleet.');
    const fields = page.getByTestId('part-a-checklist').getByRole('listitem').filter({ hasText: 'niet in orde' }).first();
    await expect(fields).toContainText('niet ingevuld');
    await checkA11y('the Part A check, incomplete');

    // The server refuses receipt while Part A is incomplete, and says why.
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Niet vastgelegd' });
    await expect(refusal).toContainText('Deel A is niet compleet');

    // Remarks are required; the checklist's points are already in them.
    const remarks = page.getByLabel('Opmerkingen voor de CI');
    await expect(remarks).toHaveValue(/niet ingevuld/);
    await remarks.fill('');
    await page.getByRole('button', { name: 'Onvolledig: terug naar de CI' }).click();
    await expect(page.getByText('Vul de opmerkingen voor de CI in.')).toBeVisible();
    await expect(remarks).toBeFocused();
    await remarks.fill('Deel A is niet ingevuld: vul elk veld in en stuur het opnieuw.');
    await page.getByRole('button', { name: 'Onvolledig: terug naar de CI' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'teruggestuurd naar de CI' }).first()).toBeVisible();
    await expect(page.getByTestId('part-a-stage')).toContainText('teruggestuurd naar de CI');
    await expect(page.getByRole('button', { name: 'Ontvangst bevestigen' })).toHaveCount(0);
  });

  test('the CI sees the remarks with its 1-week deadline, completes Part A and resubmits it', async ({ page, signInAs, checkA11y }) => {
    await signInAs('ci-admin');
    await page.goto(`/trajecten/${id}`);
    const notice = page.getByRole('status').filter({ hasText: 'Deel A is teruggestuurd door het secretariaat' });
    await expect(notice).toContainText('vul elk veld in en stuur het opnieuw');
    await expect(notice).toContainText(/opnieuw in \(B6 §14b\)/);
    await checkA11y('the trajectory page with Part A returned');

    const auditor = await demo('auditor');
    const partA = (await (await auditor.get(`/api/v1/trajectories/${id}/part-a`)).json()) as {
      editable: boolean;
      fields: { key: string; kind: string; version: number }[];
    };
    expect(partA.editable).toBe(true);
    for (const field of partA.fields) {
      const value = field.kind === 'list' ? [`Punt bij ${field.key}`] : field.kind === 'hours' ? '16' : `Tekst bij ${field.key}`;
      await ok(auditor.put(`/api/v1/trajectories/${id}/part-a/${field.key}`, { data: { version: field.version, value } }), 200);
    }
    await auditor.dispose();
    const ciAdmin = await demo('ci-admin');
    await ok(ciAdmin.post(`/api/v1/trajectories/${id}/events`, { data: { event: 'part_a_resubmitted', on: day(0) } }));
    await ciAdmin.dispose();
  });

  test('the secretariat confirms receipt and issues the certificate', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto(`/trajecten/${id}/deel-a-controle`);
    await expect(page.getByTestId('part-a-complete')).toHaveText('Deel A is compleet.');
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De ontvangst van deel A is bevestigd.' })).toBeVisible();
    await checkA11y('the Part A check, confirmed');
    await page.getByRole('button', { name: 'Certificaat uitgeven' }).click();
    const issued = page.getByRole('status').filter({ hasText: /Certificaat SSW-\d{4}-\d{4} is uitgegeven/ });
    await expect(issued).toBeVisible();
    number = /SSW-\d{4}-\d{4}/.exec((await issued.textContent()) ?? '')![0];
    expect(number.slice(4, 8)).toBe(day(0).slice(0, 4));

    // On the trajectory page: the certificate with its live status and the PDF.
    await page.goto(`/trajecten/${id}`);
    const card = page.getByTestId('certificate-card');
    await expect(card.getByRole('heading', { name: `Certificaat ${number}` })).toBeVisible();
    await expect(card.getByTestId('certificate-status')).toContainText('geldig');
    await expect(card.getByRole('link', { name: 'Certificaat downloaden (pdf)' })).toHaveAttribute('href', `/api/v1/certificates/${number}.pdf`);
    await expect(card.getByRole('button', { name: 'Corrigeren (heruitgeven)' })).toBeVisible();
    await checkA11y('the trajectory page with its certificate');
  });

  test('anyone finds the member in the register without logging in, case and accents aside', async ({ page, checkA11y }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Kwaliteitsregister' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kwaliteitsregister' })).toBeVisible();
    await expect(page.getByTestId('register-public-key')).toHaveText(/^[A-Za-z0-9+/]{43}=$/);
    await page.getByLabel('Zoeken', { exact: true }).fill('BUURTCAFE registerproef');
    const rows = page.getByTestId('register-row');
    await expect(rows).toHaveCount(1);
    await expect(page.getByTestId('register-count')).toHaveText('1 lid gevonden');
    await expect(rows.first()).toContainText(MEMBER);
    await expect(rows.first()).toContainText(TOWN);
    await expect(rows.first()).toContainText('geldig');
    await expect(page).toHaveURL(/\/register\?q=BUURTCAFE\+registerproef/);
    await expect(page.getByRole('link', { name: /als CSV/ }).first()).toHaveAttribute('href', '/api/v1/register.csv?q=BUURTCAFE+registerproef');
    await checkA11y('the register with a result');

    // Keyboard only: from the search field to the certificate's link.
    await page.getByLabel('Zoeken', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Plaats', { exact: true })).toBeFocused();
    // Printed: the results without the menu and the search form.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
    await expect(page.getByRole('search')).toBeHidden();
    await expect(rows.first()).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    // On a phone the table stacks: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(rows.first()).toContainText(MEMBER);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The town filter, accents aside; then nothing found.
    await page.getByLabel('Zoeken', { exact: true }).fill('');
    await page.getByLabel('Plaats', { exact: true }).fill('sudwest-fryslan');
    await expect(page.getByTestId('register-row').filter({ hasText: MEMBER })).toHaveCount(1);
    await page.getByLabel('Zoeken', { exact: true }).fill('qwxzplork');
    await expect(page.getByText('Geen leden gevonden')).toBeVisible();
    await checkA11y('the register without results');

    // The number as search finds it too, and its link opens the certificate.
    await page.getByRole('button', { name: 'Zoekopdracht wissen' }).click();
    await page.getByLabel('Zoeken', { exact: true }).fill(number.toLowerCase());
    await expect(page).toHaveURL(new RegExp(`q=${number.toLowerCase()}`));
    await expect(page.getByTestId('register-row')).toHaveCount(1);
    await page.getByRole('link', { name: number }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Certificaat ${number}` })).toBeVisible();
    await expect(page.getByTestId('certificate-status')).toContainText('Dit certificaat is geldig tot en met');
    await expect(page.getByTestId('certificate-history')).toContainText(number);
  });

  test('the QR code of the PDF opens the certificate, verified in the browser; an altered field fails', async ({ page, checkA11y }) => {
    test.skip(!hasTool('pdftoppm') || !hasTool('zbarimg'), 'needs poppler-utils and zbar-tools');
    // Rendering the PDF and decoding its QR code, then five page loads: slow on a busy shared machine.
    test.slow();
    const scanned = await scannedQr(number);
    const url = new URL(scanned);
    expect(url.pathname).toBe(`/register/${number}`);
    await page.goto(url.pathname + url.search);
    await expect(page.getByRole('heading', { level: 1, name: `Certificaat ${number}` })).toBeVisible();
    const verification = page.getByTestId('verification');
    await expect(verification).toContainText('Echt: de handtekening klopt en de gedrukte gegevens komen overeen met het register.');
    await expect(verification.locator('.verification__row--differs')).toHaveCount(0);
    await checkA11y('the certificate page, verified');

    for (const [name, value] of [
      ['through', '2099-12-31'],
      ['member', 'Stichting Nep'],
    ] as const) {
      const forged = new URL(url);
      forged.searchParams.set(name, value);
      await page.goto(forged.pathname + forged.search);
      await expect(page.getByTestId('verification')).toContainText('Niet echt: de handtekening klopt niet');
    }
    await checkA11y('the certificate page, forged');

    // The same page at a phone's and a tablet's width: nothing wider than the screen.
    for (const width of [390, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url.pathname + url.search);
      await expect(page.getByTestId('verification')).toContainText('Echt');
      const wide = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('main *'))
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}px`),
      );
      expect(wide, `${width}px: wider than the screen`).toEqual([]);
    }

    await page.goto('/register/SSW-1999-0001');
    await expect(page.getByRole('heading', { level: 1, name: 'Onbekend certificaatnummer' })).toBeVisible();
  });

  test('the member sees its certificate with the rules for the logo', async ({ page, checkA11y }) => {
    const login = await page.request.post('/api/v1/session', { data: { email: MEMBER_EMAIL, password: MEMBER_PASSWORD } });
    expect(login.status()).toBe(200);
    await page.goto('/organisatie');
    const card = page.getByTestId('certificate-card');
    await expect(card.getByRole('heading', { name: `Certificaat ${number}` })).toBeVisible();
    await expect(card.getByRole('heading', { name: 'Het logo van het label gebruiken' })).toBeVisible();
    await expect(card).toContainText('mag uw organisatie het logo');
    // The valid certificate's logo with the year of certification, as the member downloads it.
    const year = String(new Date().getFullYear());
    const svgLink = card.getByRole('link', { name: `Logo ${year} downloaden (SVG)` });
    await expect(card.getByRole('link', { name: `Logo ${year} downloaden (PNG, 1200 × 1200 pixels)` })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), svgLink.click()]);
    expect(download.suggestedFilename()).toBe(`logo-sterk-sociaal-werk-${year}.svg`);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain(`<title>Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd ${year}</title>`);
    await expect(card.getByRole('button', { name: 'Intrekken' })).toHaveCount(0);
    await checkA11y('the organisation page with the certificate');
  });

  test('the secretariat corrects the certificate (a new number) and withdraws it with a public reason', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto(`/trajecten/${id}`);
    const card = page.getByTestId('certificate-card');

    // Reissue: a reason is required, and something must change.
    await card.getByRole('button', { name: 'Corrigeren (heruitgeven)' }).click();
    await card.getByRole('button', { name: 'Verder' }).click();
    await expect(card.getByText('Vul de reden in.')).toBeVisible();
    await expect(card.getByLabel('Wat wordt er verbeterd?')).toBeFocused();
    await card.getByLabel('Wat wordt er verbeterd?').fill('Scope verkeerd gedrukt');
    await card.getByRole('button', { name: 'Verder' }).click();
    await expect(card.getByRole('alert')).toContainText('Er is niets veranderd');
    await card.getByLabel('Scope').fill('Werksoorten: jongerenwerk');
    await card.getByRole('button', { name: 'Verder' }).click();
    await expect(card.getByRole('group')).toContainText(`Certificaat ${number} heruitgeven met een nieuw nummer?`);
    await checkA11y('the reissue confirmation');
    await card.getByRole('button', { name: 'Heruitgeven', exact: true }).click();
    const reissued = card.getByRole('status').filter({ hasText: /Heruitgegeven als certificaat SSW-\d{4}-\d{4}/ });
    await expect(reissued).toBeVisible();
    const replacement = /SSW-\d{4}-\d{4}/.exec((await reissued.textContent()) ?? '')![0];
    expect(replacement).not.toBe(number);
    await expect(card.getByRole('heading', { name: `Certificaat ${replacement}` })).toBeVisible();
    await expect(card).toContainText('Werksoorten: jongerenwerk');

    // Withdraw the replacement: a public reason, asked once more.
    await card.getByRole('button', { name: 'Intrekken' }).click();
    await card.getByRole('button', { name: 'Verder' }).click();
    await expect(card.getByText('Vul de reden in.')).toBeVisible();
    await card.getByLabel('Openbare reden').fill('Het rapport bleek op onjuiste gegevens te berusten.');
    await card.getByRole('button', { name: 'Verder' }).click();
    await expect(card.getByRole('group')).toContainText(`Certificaat ${replacement} intrekken?`);
    await card.getByRole('button', { name: 'Definitief intrekken' }).click();
    await expect(card.getByRole('status').filter({ hasText: `Certificaat ${replacement} is ingetrokken.` })).toBeVisible();
    await expect(card.getByTestId('certificate-status')).toContainText('ingetrokken');

    // Publicly: the old one superseded by the replacement, the replacement withdrawn with its reason,
    // and the member no longer in the register.
    await page.context().clearCookies();
    await page.goto(`/register/${number}`);
    await expect(page.getByTestId('certificate-status')).toContainText(`vervangen door certificaat ${replacement}`);
    await page.getByRole('link', { name: `Naar certificaat ${replacement}` }).click();
    await expect(page.getByTestId('certificate-status')).toContainText('Reden: Het rapport bleek op onjuiste gegevens te berusten.');
    await expect(page.getByTestId('certificate-history')).toContainText(number);
    await checkA11y('a withdrawn certificate');
    await page.goto(`/register?q=${encodeURIComponent('registerproef')}`);
    await expect(page.getByText('Geen leden gevonden')).toBeVisible();
  });

  test('a suspended certificate is marked in the register', async ({ page }) => {
    // The demo register (issue 11 §6): Welzijn Samen's certificate expired three weeks ago while its
    // audit runs, so it is listed as suspended.
    await page.goto('/register?q=welzijn+samen');
    const row = page.getByTestId('register-row').filter({ hasText: 'Welzijn Samen' });
    await expect(row).toHaveClass(/register__row--suspended/);
    await expect(row).toContainText('geschorst');
  });
});
