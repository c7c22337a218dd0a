// The audit and its report against the real server, on the demo's planned trajectory of Welzijn Samen:
// the team leader and the assessor fill findings side by side (the assessor loses its connection and
// its edits arrive when it is back, or when the page is opened again), a stale save shows both texts,
// the team leader records the last audit day and sends the concept (refused first, naming the norms
// still open), the member drafts and submits a correction, the CI accepts it with a changed text and
// makes the findings final, the member downloads the PDF, and the secretariat reads Part A until it
// asks for Part B. The steps build on each other (one server for the whole run), so they run in order.
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from './support/demo-users';
import { expect, expectAccessible, test } from './support/fixtures';

const MEMBER = 'Welzijn Samen';
const TEAM_LEADER = DEMO_USERS.auditor.email; // teamleider@ci-toets.example
const ASSESSOR = 'beoordelaar@ci-toets.example';
const MEMBER_USER = 'kwaliteit@samenwelzijn.example';

type FindingBody = { version: number; verdict?: string | null; reason?: string; text?: string; sources?: object[] };
type FindingAnswer = { norm: string; version: number; verdict: string | null; text: string; sources: object[]; flags: string[] };

/** YYYY-MM-DD, `days` from today (the browser's and the server's calendar day on this machine). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Signs in through the API in this request context (shares the page's cookies); the CSRF token. */
async function signIn(request: APIRequestContext, email: string): Promise<string> {
  // Signed in already (as someone else): the switch carries that session's CSRF token.
  const current = (await (await request.get('/api/v1/session')).json()) as { csrf_token?: string };
  const headers: Record<string, string> = current.csrf_token ? { 'X-CSRF-Token': current.csrf_token } : {};
  const response = await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD }, headers });
  expect(response.status(), `sign in as ${email}`).toBe(200);
  return ((await response.json()) as { csrf_token: string }).csrf_token;
}

async function trajectoryId(request: APIRequestContext): Promise<number> {
  const answer = await request.get('/api/v1/trajectories');
  expect(answer.status()).toBe(200);
  const { trajectories } = (await answer.json()) as { trajectories: { id: number; member: { name: string } }[] };
  const found = trajectories.find((t) => t.member.name === MEMBER);
  expect(found, `the trajectory of ${MEMBER}`).toBeTruthy();
  return found!.id;
}

async function findings(request: APIRequestContext, id: number): Promise<FindingAnswer[]> {
  const answer = await request.get(`/api/v1/trajectories/${id}/findings`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { findings: FindingAnswer[] }).findings;
}

async function finding(request: APIRequestContext, id: number, norm: string): Promise<FindingAnswer> {
  return (await findings(request, id)).find((f) => f.norm === norm)!;
}

async function saveFinding(request: APIRequestContext, csrf: string, id: number, norm: string, body: FindingBody) {
  return request.put(`/api/v1/trajectories/${id}/findings/${norm}`, { data: body, headers: { 'X-CSRF-Token': csrf } });
}

/** A second browser context, signed in as someone else (its own cookies and storage). */
async function otherUser(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page; csrf: string }> {
  const context = await browser.newContext({ baseURL: process.env.STERK_E2E_BASE_URL, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const csrf = await signIn(page.request, email);
  return { context, page, csrf };
}

function norm(page: Page, code: string) {
  return page.locator(`#norm-${code}`);
}

let id = 0;

test.describe.serial('the audit report', () => {
  test('the team leader reaches the findings from "Mijn toetsingen" and fills a norm; the flag shows few sources', async ({ page, checkA11y }) => {
    // The demo plans the audit two weeks ahead; the CI's administrator plans it again for today, so the
    // last audit day and the concept can be recorded now (same team, same rules).
    const adminCsrf = await signIn(page.request, DEMO_USERS['ci-admin'].email);
    id = await trajectoryId(page.request);
    const trajectory = (await (await page.request.get(`/api/v1/trajectories/${id}`)).json()) as {
      planning: { team: { auditor_id: number; role: string }[] };
    };
    const replanned = await page.request.post(`/api/v1/trajectories/${id}/events`, {
      headers: { 'X-CSRF-Token': adminCsrf },
      data: {
        event: 'audit_planned',
        on: day(0),
        first_day: day(0),
        last_day: day(0),
        team: trajectory.planning.team.map((m) => ({ auditor_id: m.auditor_id, role: m.role })),
      },
    });
    expect(replanned.status(), await replanned.text()).toBe(201);
    await signIn(page.request, TEAM_LEADER);

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn toetsingen' }).click();
    await page.getByRole('link', { name: `Bevindingen van ${MEMBER}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Bevindingen – ${MEMBER}` })).toBeVisible();
    await expect(page.getByTestId('missing-for-concept')).toContainText('Nog te beoordelen (49)');
    await expect(page.getByTestId('overall-table')).toBeVisible();
    // The norm's B4 questions are beside the form.
    await expect(norm(page, 'VM1').getByRole('complementary', { name: 'Toetsvragen en voorbeelden bij VM1' })).toContainText('Toetsvragen');
    await checkA11y('/trajecten/:id/bevindingen (team leader)');

    const vm1 = norm(page, 'VM1');
    await vm1.getByRole('radio', { name: '+ voldoet' }).check();
    await vm1.getByLabel('Bevindingen VM1').fill('De teams werken met het methodisch kader; in de casusbespreking kwam het terug.');
    await vm1.getByRole('button', { name: 'Gesprek toevoegen' }).click();
    await vm1.getByLabel('Functie (bron 1)').fill('jongerenwerker');
    await vm1.getByLabel('Afdeling (bron 1, niet verplicht)').fill('Jeugd');
    await expect(vm1.getByText('Minder dan twee bronnen')).toBeVisible();
    await vm1.getByRole('button', { name: 'Document toevoegen' }).click();
    await vm1.getByLabel('Titel document (bron 2)').fill('Methodisch kader 2026');
    await expect(vm1.getByText('Minder dan twee bronnen')).toHaveCount(0);
    await expect(vm1.locator('.save-status')).toHaveText('Opgeslagen');
    await expect(page.getByTestId('missing-for-concept')).toContainText('Nog te beoordelen (48)');

    const saved = await finding(page.request, id, 'VM1');
    expect(saved.verdict).toBe('+');
    expect(saved.sources).toHaveLength(2);
    expect(saved.flags).toEqual([]);

    // "n.v.t." asks for its reason.
    const vm2 = norm(page, 'VM2');
    await vm2.getByRole('radio', { name: 'n.v.t.' }).check();
    await expect(vm2.getByText('Geef de reden waarom de norm niet van toepassing is.')).toBeVisible();
    await vm2.getByLabel('Waarom niet van toepassing (VM2)').fill('De organisatie werkt niet met stagiairs.');
    await expect(vm2.locator('.save-status')).toHaveText('Opgeslagen');
    expect((await finding(page.request, id, 'VM2')).flags).toEqual([]);
  });

  test('the assessor loses its connection: its edits are kept and saved when it is back, or when the page is opened again', async ({ browser, page }) => {
    await signIn(page.request, TEAM_LEADER);
    const assessor = await otherUser(browser, ASSESSOR);
    try {
      await assessor.page.goto(`/trajecten/${id}/bevindingen`);
      // The team leader's VM1 is there.
      await expect(norm(assessor.page, 'VM1').getByLabel('Bevindingen VM1')).toHaveValue(/methodisch kader/);

      await assessor.context.setOffline(true);
      await expect(assessor.page.getByRole('status').filter({ hasText: 'Geen verbinding' })).toBeVisible();
      const vm3 = norm(assessor.page, 'VM3');
      await vm3.getByRole('radio', { name: '+/- deels / verbeterpunt' }).check();
      await vm3.getByLabel('Bevindingen VM3').fill('Offline geschreven: de scholing is gepland, nog niet voor alle teams gevolgd.');
      await expect(vm3.locator('.save-status')).toHaveText('Niet verbonden – bewaard op dit apparaat');
      expect((await finding(page.request, id, 'VM3')).text).toBe('');

      await assessor.context.setOffline(false);
      await expect(vm3.locator('.save-status')).toHaveText('Opgeslagen');
      const vm3Saved = await finding(page.request, id, 'VM3');
      expect(vm3Saved.text).toBe('Offline geschreven: de scholing is gepland, nog niet voor alle teams gevolgd.');
      expect(vm3Saved.verdict).toBe('+/-');

      // Offline again, an edit, and the page closed before the connection came back: the next visit sends it.
      await assessor.context.setOffline(true);
      const vm4 = norm(assessor.page, 'VM4');
      await vm4.getByLabel('Bevindingen VM4').fill('Bewaard op dit apparaat en later verstuurd.');
      await expect(vm4.locator('.save-status')).toHaveText('Niet verbonden – bewaard op dit apparaat');
      await assessor.page.close();
      await assessor.context.setOffline(false);
      const again = await assessor.context.newPage();
      await again.goto(`/trajecten/${id}/bevindingen`);
      await expect(norm(again, 'VM4').getByLabel('Bevindingen VM4')).toHaveValue('Bewaard op dit apparaat en later verstuurd.');
      await expect(norm(again, 'VM4').locator('.save-status')).toHaveText('Opgeslagen');
      expect((await finding(page.request, id, 'VM4')).text).toBe('Bewaard op dit apparaat en later verstuurd.');
    } finally {
      await assessor.context.close();
    }
  });

  test('a stale save shows both texts and loses nothing', async ({ browser, page }) => {
    await signIn(page.request, TEAM_LEADER);
    await page.goto(`/trajecten/${id}/bevindingen`);
    const vm5 = norm(page, 'VM5');
    await expect(vm5.getByLabel('Bevindingen VM5')).toHaveValue('');

    // The assessor saves VM5 after the team leader opened the page.
    const assessor = await otherUser(browser, ASSESSOR);
    try {
      const first = await saveFinding(assessor.page.request, assessor.csrf, id, 'VM5', { version: 0, verdict: '+/-', text: 'Tekst van de beoordelaar.' });
      expect(first.status()).toBe(200);
    } finally {
      await assessor.context.close();
    }

    await vm5.getByLabel('Bevindingen VM5').fill('Tekst van de teamleider, die niet verloren mag gaan.');
    const choice = vm5.getByRole('alert').filter({ hasText: 'Iemand anders heeft VM5 intussen opgeslagen' });
    await expect(choice).toBeVisible();
    await expect(choice.getByRole('region', { name: 'Uw tekst' })).toContainText('Tekst van de teamleider, die niet verloren mag gaan.');
    await expect(choice.getByRole('region', { name: 'Opgeslagen tekst' })).toContainText('Tekst van de beoordelaar.');
    await expect(choice.getByRole('region', { name: 'Opgeslagen tekst' })).toContainText('Oordeel: +/- deels / verbeterpunt');
    await expectAccessible(page, 'the both-texts choice on /bevindingen');
    await choice.getByRole('button', { name: 'Mijn tekst opslaan' }).click();
    await expect(vm5.locator('.save-status')).toHaveText('Opgeslagen');
    expect((await finding(page.request, id, 'VM5')).text).toBe('Tekst van de teamleider, die niet verloren mag gaan.');
  });

  test('the team leader fills Part A', async ({ page, checkA11y }) => {
    await signIn(page.request, TEAM_LEADER);
    await page.goto(`/trajecten/${id}/bevindingen`);
    await page.getByRole('navigation', { name: 'Onderdelen van het rapport' }).getByRole('link', { name: 'Deel A' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Deel A – ${MEMBER}` })).toBeVisible();
    const sketch = page.locator('[data-field="sketch"]');
    await sketch.getByLabel('Schets organisatie').fill('Welzijn Samen werkt in Zwolle met 60 medewerkers en 200 vrijwilligers.');
    await expect(sketch.locator('.save-status')).toHaveText('Opgeslagen');
    const strong = page.locator('[data-field="strong_points"]');
    await expect(strong.getByRole('textbox')).toHaveCount(4);
    await strong.getByLabel('Sterke punten, punt 1').fill('Betrokken vrijwilligers');
    await strong.getByRole('button', { name: 'Nog een punt bij Sterke punten' }).click();
    await expect(strong.getByRole('textbox')).toHaveCount(5);
    await strong.getByLabel('Sterke punten, punt 5').fill('Sterk netwerk in de wijk');
    await expect(strong.locator('.save-status')).toHaveText('Opgeslagen');
    const hours = page.locator('[data-field="hours_on_site"]');
    await hours.getByRole('textbox').fill('12,5');
    await expect(hours.locator('.save-status')).toHaveText('Opgeslagen');
    await checkA11y('/trajecten/:id/deel-a (team leader)');

    await page.reload();
    await expect(page.locator('[data-field="sketch"]').getByLabel('Schets organisatie')).toHaveValue(/60 medewerkers/);
    await expect(page.locator('[data-field="strong_points"]').getByLabel('Sterke punten, punt 2')).toHaveValue('Sterk netwerk in de wijk');
  });

  test('the team leader records the last audit day; the concept is refused while norms are open, then sent', async ({ page, checkA11y }) => {
    const csrf = await signIn(page.request, TEAM_LEADER);
    await page.goto(`/trajecten/${id}`);
    await expect(page.getByRole('region', { name: 'Toetsing en rapport' }).getByRole('link', { name: 'Bevindingen' })).toBeVisible();
    const last = page.getByRole('region', { name: 'Laatste toetsdag', exact: true });
    await last.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Laatste toetsdag.' })).toBeVisible();

    const concept = page.getByRole('region', { name: 'Conceptrapport verstuurd', exact: true });
    await concept.getByRole('button', { name: 'Vastleggen' }).click();
    const refusal = concept.getByRole('alert');
    await expect(refusal).toContainText('Dit kon niet worden vastgelegd.');
    await expect(refusal).toContainText('DV1');
    await expect(refusal).toContainText('OB1');

    // Every norm but DV1 through the API (two sources each), DV1 through the page.
    for (const f of await findings(page.request, id)) {
      if (f.norm === 'DV1' || f.verdict !== null) continue;
      const saved = await saveFinding(page.request, csrf, id, f.norm, {
        version: f.version,
        verdict: '+',
        text: `Bij ${f.norm} is de norm in de praktijk zichtbaar: gesprekken en documenten bevestigen het.`,
        sources: [
          { kind: 'interview', function: 'teamleider', department: 'Welzijn' },
          { kind: 'document', title: 'Jaarverslag 2025' },
        ],
      });
      expect(saved.status(), f.norm).toBe(200);
    }
    await page.goto(`/trajecten/${id}/bevindingen`);
    await expect(page.getByTestId('missing-for-concept')).toHaveText('Nog te beoordelen (1): DV1');
    const dv1 = norm(page, 'DV1');
    await dv1.getByRole('radio', { name: '+ voldoet' }).check();
    await dv1.getByLabel('Bevindingen DV1').fill('Het aanbod sluit aan bij de vraag in de wijk, blijkt uit gesprekken en de wijkanalyse.');
    await dv1.getByRole('button', { name: 'Gesprek toevoegen' }).click();
    await dv1.getByLabel('Functie (bron 1)').fill('opbouwwerker');
    await dv1.getByRole('button', { name: 'Document toevoegen' }).click();
    await dv1.getByLabel('Titel document (bron 2)').fill('Wijkanalyse 2025');
    await expect(dv1.locator('.save-status')).toHaveText('Opgeslagen');
    await expect(page.getByTestId('missing-for-concept')).toHaveText('Alle normen zijn beoordeeld.');
    // The B8 table counts what the server computed.
    await expect(page.getByTestId('overall-summary')).toContainText('Van de 49 normen');
    await page.getByRole('link', { name: 'Naar het traject om het concept te versturen' }).click();

    await page.getByRole('region', { name: 'Conceptrapport verstuurd', exact: true }).getByRole('button', { name: 'Vastleggen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Conceptrapport verstuurd.' })).toBeVisible();
    await expect(page.getByTestId('trajectory-state')).toHaveText('conceptrapport bij de organisatie');

    // The concept is frozen: the findings are read-only now.
    await page.goto(`/trajecten/${id}/bevindingen`);
    await expect(page.getByText('U kunt de bevindingen lezen, niet wijzigen.')).toBeVisible();
    await expect(norm(page, 'VM1').getByRole('radio', { name: '+ voldoet' })).toBeDisabled();
    await checkA11y('/trajecten/:id/bevindingen read-only');
  });

  test('the member drafts corrections on the concept, withdraws one and submits the other', async ({ page, checkA11y }) => {
    await signIn(page.request, MEMBER_USER);
    await page.goto(`/trajecten/${id}`);
    await page.getByRole('region', { name: 'Toetsing en rapport' }).getByRole('link', { name: 'Rapport' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Rapport – ${MEMBER}` })).toBeVisible();
    await expect(page.getByTestId('report-stage')).toHaveText('Concept');
    await expect(page.getByRole('heading', { level: 2, name: 'Deel B: bevindingen' })).toBeVisible();
    await checkA11y('/trajecten/:id/rapport (member, concept)');

    await page.locator('tr[data-norm="VM1"]').getByRole('button', { name: 'Correctie bij VM1' }).click();
    await expect(page.getByLabel('Over', { exact: true })).toHaveValue('VM1');
    await expect(page.getByLabel('Over', { exact: true })).toBeFocused();
    // Without a text the form says so at the field.
    await page.getByRole('button', { name: 'Correctie bewaren als concept' }).click();
    await expect(page.getByText('Schrijf de correctie.')).toBeVisible();
    await page.getByLabel('Correctie', { exact: true }).fill('Het methodisch kader is in 2025 vastgesteld, niet in 2026.');
    await page.getByRole('button', { name: 'Correctie bewaren als concept' }).click();
    const remarks = page.getByRole('region', { name: 'Feitelijke correcties op het concept' });
    await expect(remarks.locator('.remark')).toHaveCount(1);
    await expect(remarks.locator('.remark').first()).toContainText('concept');

    // A second one on Part A, withdrawn again.
    await page.getByLabel('Over', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Correctie', { exact: true }).fill('Deze correctie trek ik weer in.');
    await page.getByRole('button', { name: 'Correctie bewaren als concept' }).click();
    await expect(remarks.locator('.remark')).toHaveCount(2);
    await remarks.locator('.remark').filter({ hasText: 'Deze correctie trek ik weer in.' }).getByRole('button', { name: /verwijderen$/ }).click();
    await expect(remarks.locator('.remark')).toHaveCount(1);

    await remarks.getByRole('button', { name: 'Correcties indienen' }).click();
    await expect(remarks.locator('.remark').first()).toContainText('ingediend');
    await expect(remarks.getByRole('button', { name: 'Correcties indienen' })).toHaveCount(0);
  });

  test('the CI accepts the correction with a changed text and makes the findings final', async ({ page, signInAs, checkA11y }) => {
    await signInAs('ci-admin');
    await page.goto(`/trajecten/${id}/rapport`);
    const submitted = page.getByRole('region', { name: 'Ingediende correcties' });
    const remark = submitted.locator('.remark').first();
    await expect(remark).toContainText('Het methodisch kader is in 2025 vastgesteld');
    await checkA11y('/trajecten/:id/rapport (CI, a submitted correction)');

    // Making final while the correction is undecided is refused with the rule's reason.
    await submitted.getByRole('button', { name: 'Bevindingen definitief maken' }).click();
    await expect(submitted.getByRole('alert')).toContainText('Dit kon niet worden vastgelegd.');

    await remark.getByRole('button', { name: /^Accepteren/ }).click();
    const text = remark.getByLabel(/na de correctie$/);
    await expect(text).toHaveValue(/methodisch kader/);
    await text.fill('De teams werken met het methodisch kader, vastgesteld in 2025; in de casusbespreking kwam het terug.');
    await remark.getByRole('button', { name: 'Accepteren en opslaan' }).click();
    await expect(submitted.locator('.remark').first()).toContainText('overgenomen');

    await submitted.getByRole('button', { name: 'Bevindingen definitief maken' }).click();
    await expect(page.getByTestId('report-stage')).toHaveText('Definitief');
    const changes = page.getByRole('region', { name: 'Wijzigingen concept → definitief' });
    await expect(changes.locator('[data-norm="VM1"]')).toContainText('2025');
    await expect(changes.locator('[data-norm="VM1"] ins').first()).toBeVisible();
    // The concept stays readable as it was.
    await page.getByLabel('Toon versie').selectOption('1');
    await expect(page.locator('tr[data-norm="VM1"]')).not.toContainText('vastgesteld in 2025');
    await checkA11y('/trajecten/:id/rapport (final, with changes)');
  });

  test('the member downloads the final report as PDF', async ({ page }) => {
    await signIn(page.request, MEMBER_USER);
    await page.goto(`/trajecten/${id}/rapport`);
    await expect(page.getByTestId('report-stage')).toHaveText('Definitief');
    const link = page.getByRole('link', { name: 'Deel B als pdf' });
    const href = await link.getAttribute('href');
    expect(href).toContain(`/api/v1/trajectories/${id}/report.pdf?part=B`);
    const response = await page.request.get(href!);
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  });

  test('the secretariat reads Part A, asks for Part B with a reason, and the member sees the request', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto(`/trajecten/${id}/rapport`);
    await expect(page.getByRole('heading', { level: 2, name: 'Deel A: samenvatting uitkomst toetsing' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Deel B: bevindingen' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Deel B als pdf' })).toHaveCount(0);
    await checkA11y('/trajecten/:id/rapport (secretariat, Part A only)');
    const requests = page.getByRole('region', { name: 'Verzoeken om deel B' });
    await requests.getByRole('button', { name: 'Deel B opvragen' }).click();
    await expect(requests.getByText('Geef de reden waarom u deel B wilt inzien.')).toBeVisible();
    await requests.getByLabel('Reden').fill('Klacht over de toetsing ontvangen; de beheercommissie vraagt om toelichting.');
    await requests.getByRole('button', { name: 'Deel B opvragen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Deel B: bevindingen' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Verzoeken om deel B' })).toContainText('Klacht over de toetsing ontvangen');

    await signIn(page.request, MEMBER_USER);
    await page.goto(`/trajecten/${id}/rapport`);
    await expect(page.getByRole('region', { name: 'Verzoeken om deel B' })).toContainText('Klacht over de toetsing ontvangen');
  });

  test('the committee never sees a report', async ({ page, signInAs }) => {
    await signInAs('committee');
    await page.goto(`/trajecten/${id}/rapport`);
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    expect((await page.request.get(`/api/v1/trajectories/${id}/report`)).status()).toBeGreaterThanOrEqual(403);
  });
});
