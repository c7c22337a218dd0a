// The auditors registry and planning with a team, in the browser (issue 8, items 1 and 5): the
// ci-admin adds a team leader with the date its B9 declaration was received, then plans the audit of
// a registered trajectory with a team; an auditor without a declaration is shown but cannot be
// chosen, with the reason. The registered trajectory belongs to a member made for this spec (through
// the API), so the demo's trajectories stay as the other specs expect them.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from './support/demo-users';
import { expect, test } from './support/fixtures';
import { linkMailedTo, serverLogAvailable } from './support/mail-log';

const MEMBER = 'Buurtwerk Oost';
const MEMBER_EMAIL = 'kwaliteit@buurtwerk-oost.example';
const MEMBER_PASSWORD = 'buurtwerk-oost-wachtwoord';

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

/** A small but complete PDF (one empty page). */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const demo = (role: DemoRole) => apiAs(DEMO_USERS[role].email, DEMO_PASSWORD);

test.describe.serial('auditoren', () => {
  test.skip(!serverLogAvailable(), 'needs the server started by the global setup (its log holds the invitation)');

  test('setup: a member of its own with a registered trajectory at CI Toetsbureau', async () => {
    const secretariat = await demo('secretariat');
    const member = await secretariat.post('/api/v1/members', {
      data: { name: MEMBER, lidnummer: 'SWN-1099', kvk: '12345678', town: 'Deventer', member_from: '2015-01-01' },
    });
    expect(member.status(), await member.text()).toBe(201);
    const memberId = (await member.json()).id;
    const invited = await secretariat.post('/api/v1/users', { data: { email: MEMBER_EMAIL, role: 'member', organisation_id: memberId } });
    expect(invited.status(), await invited.text()).toBe(201);
    const link = await linkMailedTo(MEMBER_EMAIL);
    const token = new URL(link, 'http://x').searchParams.get('token');
    const confirmed = await secretariat.post('/api/v1/password-reset/confirm', { data: { token, password: MEMBER_PASSWORD } });
    expect(confirmed.status(), await confirmed.text()).toBe(204);

    const cis = await (await secretariat.get('/api/v1/cis')).json();
    const ci = cis.cis.find((c: { name: string }) => c.name === 'CI Toetsbureau');
    const own = await apiAs(MEMBER_EMAIL, MEMBER_PASSWORD);
    const requested = await own.post('/api/v1/trajectories', {
      data: { ci_id: ci.id, variant: 'ci', self_evaluation_completed_on: day(-30), fte: { professionals_employed: 12 } },
    });
    expect(requested.status(), await requested.text()).toBe(201);
    const path = `/api/v1/trajectories/${(await requested.json()).id}/events`;
    const ciAdmin = await demo('ci-admin');
    expect((await ciAdmin.post(path, { data: { event: 'audit_accepted', on: day(0) } })).status()).toBe(201);
    expect((await secretariat.post(path, { data: { event: 'membership_confirmed', on: day(0) } })).status()).toBe(201);
    // An assessor whose declaration has not come in yet.
    const without = await ciAdmin.post('/api/v1/auditors', { data: { name: 'Sanne Zonder', email: 'sanne@ci-toets.example', role: 'assessor' } });
    expect(without.status(), await without.text()).toBe(201);
    for (const context of [secretariat, own, ciAdmin]) {
      await context.dispose();
    }
  });

  test('the ci-admin adds a team leader with the date its declaration was received', async ({ page, signInAs, checkA11y }) => {
    await signInAs('ci-admin');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditoren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Auditoren' })).toBeVisible();
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows.filter({ hasText: 'Teamleider CI Toetsbureau' })).toContainText('Ontvangen op');
    await expect(rows.filter({ hasText: 'Sanne Zonder' })).toContainText('Geen verklaring ontvangen');
    await checkA11y('/auditoren (ci-admin)');

    await page.getByRole('button', { name: 'Auditor toevoegen' }).click();
    const form = page.getByRole('region', { name: 'Nieuwe auditor' });
    await expect(form.getByLabel('Naam')).toBeFocused();
    // Without a name: the error is at the field, and what was typed stays.
    await form.getByLabel('E-mailadres').fill('tessa@ci-toets.example');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(form.getByLabel('Naam')).toBeFocused();
    await expect(form.getByLabel('Naam')).toHaveAccessibleDescription(/Vul de naam van de auditor in\./);
    await expect(form.getByLabel('E-mailadres')).toHaveValue('tessa@ci-toets.example');

    await form.getByLabel('Naam').fill('Tessa Teamleider');
    await form.getByLabel('Rol').selectOption('team_leader');
    await form.getByLabel('Ontvangen op').fill(day(-2));
    await form.getByLabel('Ondertekende verklaring (pdf of foto)').setInputFiles({
      name: 'gedragscode-tessa.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    // A tie: Tessa advises Welzijn Samen; a tie without its start date is refused at that field.
    await form.getByRole('button', { name: 'Band toevoegen' }).click();
    const tie = form.getByRole('group', { name: 'Band 1' });
    await tie.getByLabel('Organisatie').selectOption({ label: 'Welzijn Samen (Zwolle)' });
    await tie.getByLabel('Soort band').selectOption('advises');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(tie.getByLabel('Vanaf')).toBeFocused();
    await tie.getByLabel('Vanaf').fill('2024-01-01');
    await checkA11y('/auditoren, the form with a tie');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Tessa Teamleider is opgeslagen.' })).toBeVisible();
    const tessa = rows.filter({ hasText: 'Tessa Teamleider' });
    await expect(tessa).toContainText('Teamleider');
    await expect(tessa).toContainText('Adviseert Welzijn Samen');
    await expect(tessa).toContainText('Ontvangen op');
    // The uploaded declaration is kept in the documents store and can be downloaded.
    const download = tessa.getByRole('link', { name: 'Ondertekende verklaring van Tessa Teamleider downloaden' });
    const href = await download.getAttribute('href');
    const meta = await page.request.get(`${href}/meta`);
    expect(meta.status()).toBe(200);
    expect((await meta.json()).filename).toBe('gedragscode-tessa.pdf');
  });

  test('the ci-admin plans the audit with a team; the auditor without a declaration cannot be chosen', async ({
    page,
    signInAs,
    checkA11y,
  }) => {
    await signInAs('ci-admin');
    await page.goto('/trajecten');
    await page.getByRole('link', { name: `Traject van ${MEMBER} openen` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Traject van ${MEMBER}` })).toBeVisible();
    const plan = page.getByRole('region', { name: 'Toetsing gepland', exact: true });
    const team = plan.getByRole('group', { name: 'Toetsteam' });
    await expect(team).toContainText('Kies eerst de eerste en laatste toetsdag');
    await plan.getByLabel('Eerste toetsdag').fill(day(20));
    await plan.getByLabel('Laatste toetsdag').fill(day(21));

    const sanne = team.getByLabel(/Sanne Zonder/);
    await expect(sanne).toBeDisabled();
    await expect(team).toContainText(
      'Voor Sanne Zonder is geen ondertekende gedragscode en geheimhoudingsverklaring (B9) ontvangen vóór de eerste toetsdag.',
    );
    // Without a team leader the plan is not sent.
    await plan.getByRole('button', { name: 'Toetsing plannen' }).click();
    await expect(team).toContainText('Kies een teamleider.');
    await expect(team).toBeFocused();

    await team.getByLabel(/Tessa Teamleider/).selectOption('team_leader');
    await team.getByLabel(/Beoordelaar CI Toetsbureau/).selectOption('assessor');
    await plan.getByLabel('Locaties').fill('Marktplein 4, Deventer');
    await plan.getByLabel('Aantal toetsdagen').fill('2,5');
    await checkA11y('/trajecten/:id, planning with the team picker');
    await plan.getByRole('button', { name: 'Toetsing plannen' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Toetsing gepland.' })).toBeVisible();
    const shown = page.getByRole('region', { name: 'Toetsteam' });
    await expect(shown.getByTestId('trajectory-team')).toContainText('Tessa Teamleider – Teamleider');
    await expect(shown.getByTestId('trajectory-team')).toContainText('Beoordelaar CI Toetsbureau – Beoordelaar');
    await expect(shown).toContainText('Marktplein 4, Deventer');
    await checkA11y('/trajecten/:id with its team');
  });
});
