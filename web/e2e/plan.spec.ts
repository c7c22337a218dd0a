// The improvement plan (issue 10, scenario b) in the browser against the real server: a member of its
// own (made through the API, so the demo's trajectories stay as the other specs expect them) gets a
// final report with one +/- and one - norm; it writes and submits its plan (refused first, naming the
// norms still incomplete), the CI rejects one norm with a remark, the member sees the remark and
// revises, the CI approves. At each step each side's home page shows the open action that is theirs;
// axe runs on every page. The steps build on each other, so they run in order.
import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from './support/demo-users';
import { expect, test } from './support/fixtures';
import { linkMailedTo, serverLogAvailable } from './support/mail-log';

const MEMBER = 'Stichting Planwerk';
const MEMBER_EMAIL = 'kwaliteit@planwerk.example';
const MEMBER_PASSWORD = 'planwerk-wachtwoord-2026';
const PARTLY = 'VM3';
const NOT_MET = 'DV2';
const REMARK = 'De acties zijn te algemeen: noem welke dossiers worden nagelopen en hoe vaak.';

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

async function signInMember(page: Page) {
  const login = await page.request.post('/api/v1/session', { data: { email: MEMBER_EMAIL, password: MEMBER_PASSWORD } });
  expect(login.status()).toBe(200);
}

/** The caller's open actions on the home page for this spec's member. */
function homeAction(page: Page) {
  return page.getByRole('list', { name: 'Open acties, te laat eerst' }).getByRole('listitem').filter({ hasText: MEMBER });
}

function norm(page: Page, code: string) {
  return page.locator(`#norm-${code}`);
}

let id = 0;

test.describe.serial('verbeterplan', () => {
  test.skip(!serverLogAvailable(), 'needs the server started by the global setup (its log holds the invitation)');

  test('setup: a member of its own with a final report in scenario b (one +/-, one -)', async () => {
    const secretariat = await demo('secretariat');
    const member = await ok(
      secretariat.post('/api/v1/members', {
        data: { name: MEMBER, lidnummer: 'SWN-1097', kvk: '87654321', town: 'Zwolle', member_from: '2012-01-01' },
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

    // The demo's team leader and assessor of CI Toetsbureau audit today.
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

    // Every norm met but two.
    const teamLeader = await demo('auditor');
    const findings = (await (await teamLeader.get(`/api/v1/trajectories/${id}/findings`)).json()) as { findings: { norm: string; version: number }[] };
    for (const finding of findings.findings) {
      const verdict = finding.norm === PARTLY ? '+/-' : finding.norm === NOT_MET ? '-' : '+';
      const text = verdict === '+' ? 'Voldoet.' : `Bevinding bij ${finding.norm}: de werkwijze is nog niet overal ingevoerd.`;
      await ok(teamLeader.put(`/api/v1/trajectories/${id}/findings/${finding.norm}`, { data: { version: finding.version, verdict, text, sources: [] } }), 200);
    }
    await ok(teamLeader.post(events, { data: { event: 'last_audit_day', on: day(0) } }));
    await ok(teamLeader.post(events, { data: { event: 'concept_sent', on: day(0) } }));

    // One correction, rejected by the CI, so the findings can be final today.
    const remark = await ok(own.post(`/api/v1/trajectories/${id}/remarks`, { data: { target: PARTLY, text: 'Intervisie is er sinds kort ook voor het opbouwwerk.' } }));
    await ok(own.post(events, { data: { event: 'corrections_received', on: day(0) } }));
    await ok(
      ciAdmin.post(`/api/v1/trajectories/${id}/remarks/${(await remark.json()).id}/decision`, {
        data: { decision: 'rejected', reason: 'Tijdens de toetsing bleek dat nog niet zo.' },
      }),
      200,
    );
    await ok(ciAdmin.post(events, { data: { event: 'findings_final', on: day(0) } }));
    const trajectory = await (await ciAdmin.get(`/api/v1/trajectories/${id}`)).json();
    expect(trajectory.scenario).toBe('plan-required');
    expect(trajectory.state).toBe('plan');
    for (const context of [secretariat, own, ciAdmin, teamLeader]) {
      await context.dispose();
    }
  });

  test('the member finds the plan from its home page, is told what is incomplete, writes and submits it', async ({ page, checkA11y }) => {
    await signInMember(page);
    await page.goto('/');
    await expect(homeAction(page)).toContainText('Verbeterplan (plan van aanpak) voor alle normen die deels of niet voldoen');
    await expect(homeAction(page)).toContainText('B6 §9b, §10');
    await checkA11y('home (member, plan to write)');
    await homeAction(page).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: `Traject van ${MEMBER}` })).toBeVisible();
    await page.getByRole('link', { name: 'Verbeterplan', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Verbeterplan – ${MEMBER}` })).toBeVisible();
    await expect(page.getByTestId('plan-progress')).toHaveText('0 van 2 normen compleet');
    await expect(page.getByTestId(`verdict-${PARTLY}`)).toContainText('+/- deels / verbeterpunt');
    await expect(page.getByTestId(`verdict-${NOT_MET}`)).toContainText('- voldoet niet');
    await expect(norm(page, PARTLY).getByRole('complementary')).toContainText('de werkwijze is nog niet overal ingevoerd');
    await checkA11y('/trajecten/:id/verbeterplan (member, draft)');

    // Submitting now is refused; the norms still incomplete are named.
    await page.getByRole('button', { name: 'Verbeterplan indienen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Dit kon niet worden vastgelegd.' })).toBeVisible();
    await expect(page.getByTestId('plan-missing')).toContainText(PARTLY);
    await expect(page.getByTestId('plan-missing')).toContainText(NOT_MET);

    for (const code of [PARTLY, NOT_MET]) {
      const card = norm(page, code);
      await card.getByLabel(`Oorzaak (${code})`).fill(`Bij ${code} ontbrak een vaste werkwijze.`);
      await card.getByLabel(`Verbeteracties (${code})`).fill(`Werkwijze voor ${code} vastleggen en in elk team bespreken.`);
      await card.getByLabel(`Wie (${code})`).fill('teamleider');
      await card.getByLabel(`Uiterlijk (${code})`).fill(day(90));
      await expect(card.locator('.save-status')).toHaveText('Opgeslagen');
      await expect(card.getByTestId(`complete-${code}`)).toHaveText('Compleet');
    }
    await expect(page.getByTestId('plan-progress')).toHaveText('2 van 2 normen compleet');
    await expect(page.getByTestId('plan-missing')).toHaveCount(0);

    await page.getByRole('button', { name: 'Verbeterplan indienen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Verbeterplan ingediend' })).toBeVisible();
    await expect(page.getByTestId('plan-stage')).toHaveText('Ingediend: de CI beoordeelt het verbeterplan.');
    await expect(norm(page, PARTLY).getByLabel(`Oorzaak (${PARTLY})`)).toHaveCount(0);
    await expect(page.getByTestId('round-1')).toContainText('Wacht op beoordeling');

    await page.goto('/');
    await expect(homeAction(page)).toHaveCount(0);
  });

  test('the CI sees the assessment on its home page and rejects one norm with a remark', async ({ page, signInAs, checkA11y }) => {
    await signInAs('ci-admin');
    await page.goto('/');
    await expect(homeAction(page)).toContainText('Beoordeling verbeterplan door de CI');
    await page.goto(`/trajecten/${id}/verbeterplan`);
    await expect(page.getByTestId('plan-assessed')).toHaveText('0 van 2 normen beoordeeld, waarvan 0 afgekeurd');
    await expect(norm(page, PARTLY)).toContainText(`Werkwijze voor ${PARTLY} vastleggen`);
    await checkA11y('/trajecten/:id/verbeterplan (CI, to assess)');

    await norm(page, PARTLY).getByRole('radio', { name: 'Goedkeuren' }).check();
    await expect(norm(page, PARTLY).locator('.save-status')).toHaveText('Opgeslagen');
    const notMet = norm(page, NOT_MET);
    await notMet.getByRole('radio', { name: 'Afkeuren' }).check();
    // A rejection waits for its remark.
    await expect(notMet.getByText('Geef bij afkeuren een opmerking')).toBeVisible();
    await notMet.getByLabel(`Opmerking van de CI bij ${NOT_MET}`).fill(REMARK);
    await expect(notMet.locator('.save-status')).toHaveText('Opgeslagen');
    await expect(page.getByTestId('plan-assessed')).toHaveText('2 van 2 normen beoordeeld, waarvan 1 afgekeurd');
    await checkA11y('/trajecten/:id/verbeterplan (CI, assessed)');

    // Approving with a rejected norm is refused with the rule's reason.
    const approve = page.getByRole('region', { name: 'Verbeterplan goedgekeurd', exact: true });
    await approve.getByRole('button', { name: 'Verbeterplan goedkeuren' }).click();
    await expect(approve.getByRole('alert')).toContainText('Dit kon niet worden vastgelegd.');

    await page.getByRole('region', { name: 'Verbeterplan afgekeurd', exact: true }).getByRole('button', { name: 'Verbeterplan afkeuren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Verbeterplan afgekeurd' })).toBeVisible();
    await expect(page.getByTestId('plan-stage')).toHaveText('Afgekeurd: het lid past het verbeterplan aan.');
    await expect(page.getByTestId('round-1')).toContainText('Afgekeurd');

    await page.goto('/');
    await expect(homeAction(page)).toHaveCount(0);
  });

  test('the member reads the CI’s remark and submits the revision', async ({ page, checkA11y }) => {
    await signInMember(page);
    await page.goto('/');
    await expect(homeAction(page)).toContainText('Aangepast verbeterplan na afkeuring');
    await page.goto(`/trajecten/${id}/verbeterplan`);
    await expect(page.getByTestId(`rejection-${NOT_MET}`)).toContainText(REMARK);
    await expect(page.getByTestId(`rejection-${PARTLY}`)).toHaveCount(0);
    await page.getByTestId('round-1').getByText('Wat er per norm stond (2 normen)').click();
    await expect(page.getByTestId('round-1')).toContainText(REMARK);
    await checkA11y('/trajecten/:id/verbeterplan (member, revising)');

    const notMet = norm(page, NOT_MET);
    await notMet
      .getByLabel(`Verbeteracties (${NOT_MET})`)
      .fill('Elk kwartaal lopen de teamleiders tien dossiers per team na; de uitkomst staat in het kwartaalverslag.');
    await expect(notMet.locator('.save-status')).toHaveText('Opgeslagen');
    await page.getByRole('button', { name: 'Aangepast verbeterplan indienen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Aangepast verbeterplan ingediend' })).toBeVisible();
    await expect(page.getByTestId('plan-stage')).toHaveText('Aangepast plan ingediend: de CI beoordeelt het opnieuw.');

    await page.goto('/');
    await expect(homeAction(page)).toHaveCount(0);
  });

  test('the CI approves the revision; the next steps are the advice and the report with the plans', async ({ page, signInAs, checkA11y }) => {
    await signInAs('ci-admin');
    await page.goto('/');
    await expect(homeAction(page)).toContainText('Beoordeling aangepast verbeterplan door de CI');
    await page.goto(`/trajecten/${id}/verbeterplan`);
    await expect(norm(page, NOT_MET)).toContainText('tien dossiers per team');
    for (const code of [PARTLY, NOT_MET]) {
      const choice = norm(page, code).getByRole('radio', { name: 'Goedkeuren' });
      if (!(await choice.isChecked())) {
        await choice.check();
        await expect(norm(page, code).locator('.save-status')).toHaveText('Opgeslagen');
      }
    }
    await page.getByRole('region', { name: 'Verbeterplan goedgekeurd', exact: true }).getByRole('button', { name: 'Verbeterplan goedkeuren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Verbeterplan goedgekeurd' })).toBeVisible();
    await expect(page.getByTestId('plan-stage')).toHaveText('Goedgekeurd door de CI.');
    await expect(page.getByRole('region', { name: 'Positief advies', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Definitief rapport met plannen verstuurd', exact: true })).toBeVisible();
    await expect(page.getByTestId('round-2')).toContainText('Goedgekeurd');
    await checkA11y('/trajecten/:id/verbeterplan (CI, approved)');

    await page.goto('/');
    await expect(homeAction(page).first()).toBeVisible();
    await expect(homeAction(page).filter({ hasText: 'Definitief rapport (deel A en B) met beoordeelde plannen' })).toHaveCount(1);
  });

  test('the secretariat reads the plan and filters the trajectories by state', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/trajecten');
    await page.getByLabel('Stand').selectOption({ label: 'verbeterplan' });
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await expect(page).toHaveURL(/stand=plan/);
    const row = page.getByRole('row').filter({ hasText: MEMBER });
    await expect(row).toHaveCount(1);
    await checkA11y('/trajecten filtered (secretariat)');
    await row.getByRole('link', { name: `Verbeterplan van ${MEMBER}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Verbeterplan – ${MEMBER}` })).toBeVisible();
    await expect(page.getByText('U kunt het verbeterplan lezen, niet wijzigen.')).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
    await checkA11y('/trajecten/:id/verbeterplan (secretariat)');
  });
});
