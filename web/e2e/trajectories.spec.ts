// The trajectory pages against the real server: Stichting WijkKracht's demo request (state
// `requested`) goes through acceptance by the CI, the secretariat's confirmation and the CI's planning,
// in the browser, as each party; a refused plan shows the rule's Dutch reason at the form. The steps
// build on each other (one server for the whole run), so they run in order.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const MEMBER = 'Stichting WijkKracht';

/** YYYY-MM-DD, `days` from today (the browser's and the server's calendar day on this machine). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function openWijkKracht(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trajecten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trajecten' })).toBeVisible();
  await page.getByRole('link', { name: `Traject van ${MEMBER} openen` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Traject van ${MEMBER}` })).toBeVisible();
}

function state(page: Page) {
  return page.getByTestId('trajectory-state');
}

test.describe.serial('trajecten', () => {
  test('the CI sees the request on its home page and accepts it', async ({ page, signInAs, checkA11y }) => {
    await signInAs('ci-admin');
    await page.goto('/');
    const actions = page.getByRole('list', { name: 'Open acties, te laat eerst' });
    const request = actions.getByRole('listitem').filter({ hasText: MEMBER });
    await expect(request).toContainText('Aanvraag accepteren of afwijzen');
    await checkA11y('home with open actions (ci-admin)');
    await request.getByRole('link', { name: 'Aanvraag accepteren of afwijzen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Traject van ${MEMBER}` })).toBeVisible();
    await expect(state(page)).toHaveText('toetsing aangevraagd');
    const facts = page.getByRole('region', { name: 'Gegevens van het traject' });
    await expect(facts).toContainText('CI Toetsbureau');
    await expect(facts).toContainText('Toetsing door een CI');
    // WijkKracht holds a certificate that expires soon: this request is its recertification.
    await expect(facts).toContainText('Hercertificering');
    await expect(facts).toContainText('SSW-2025-0001');
    await expect(facts).toContainText('Nog geen advies');
    const timeline = page.getByRole('region', { name: 'Tijdlijn' }).getByRole('listitem');
    await expect(timeline.filter({ hasText: 'Zelfevaluatie afgerond' })).toHaveCount(1);
    await expect(timeline.filter({ hasText: 'Toetsing aangevraagd' })).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Wat vraagt nu actie?' })).toContainText('Aanvraag accepteren of afwijzen');
    // Accept and decline are both offered; the date is today.
    const accept = page.getByRole('region', { name: 'Aanvraag geaccepteerd door de CI', exact: true });
    await expect(page.getByRole('region', { name: 'Aanvraag afgewezen door de CI', exact: true }).getByLabel('Reden')).toBeVisible();
    await expect(accept.getByLabel('Datum')).toHaveValue(day(0));
    await checkA11y('/trajecten/:id (ci-admin, requested)');

    // A date after today is refused before it is sent, at the field.
    await accept.getByLabel('Datum').fill(day(1));
    await accept.getByRole('button', { name: 'Aanvraag accepteren' }).click();
    await expect(accept.getByText('kies vandaag of eerder')).toBeVisible();
    await expect(accept.getByLabel('Datum')).toBeFocused();

    await accept.getByLabel('Datum').fill(day(0));
    await accept.getByRole('button', { name: 'Aanvraag accepteren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Aanvraag geaccepteerd door de CI.' })).toBeVisible();
    await expect(state(page)).toHaveText('aanvraag geaccepteerd');
    await expect(timeline.filter({ hasText: 'Aanvraag geaccepteerd door de CI' })).toHaveCount(1);
    // The next step is the secretariat's: no more forms for the CI.
    await expect(page.getByRole('heading', { level: 2, name: 'Vastleggen' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Wat vraagt nu actie?' })).toContainText('Lidmaatschap en lidnummer bevestigen');
  });

  test('the secretariat confirms the membership from its home page', async ({ page, signInAs }) => {
    await signInAs('secretariat');
    await page.goto('/');
    const action = page.getByRole('list', { name: 'Open acties, te laat eerst' }).getByRole('listitem').filter({ hasText: MEMBER });
    await action.getByRole('link', { name: 'Lidmaatschap en lidnummer bevestigen' }).click();
    await expect(state(page)).toHaveText('aanvraag geaccepteerd');
    const confirm = page.getByRole('region', { name: 'Lidmaatschap bevestigd en toetsing geregistreerd', exact: true });
    await confirm.getByRole('button', { name: 'Lidmaatschap bevestigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Lidmaatschap bevestigd' })).toBeVisible();
    await expect(state(page)).toHaveText('geregistreerd bij het secretariaat');
  });

  test('the CI plans the audit with its team; both days are required', async ({
    page,
    signInAs,
    checkA11y,
  }) => {
    await signInAs('ci-admin');
    await openWijkKracht(page);
    await expect(state(page)).toHaveText('geregistreerd bij het secretariaat');
    const plan = page.getByRole('region', { name: 'Toetsing gepland', exact: true });
    const submit = plan.getByRole('button', { name: 'Toetsing plannen' });

    // Both days are needed.
    await submit.click();
    await expect(plan.getByText('Vul dit in.')).toBeVisible();
    await expect(plan.getByLabel('Eerste toetsdag')).toBeFocused();

    // WijkKracht's request is a recertification, so the 12 months after a self-evaluation that bind a
    // first certification (B5 B3; its refusal is in the trajectory rule cases) do not apply here.
    // The demo team: CI Toetsbureau's team leader and assessor, offered once both days are chosen.
    await plan.getByLabel('Eerste toetsdag').fill(day(20));
    await plan.getByLabel('Laatste toetsdag').fill(day(21));
    const team = plan.getByRole('group', { name: 'Toetsteam' });
    await team.getByLabel(/Teamleider CI Toetsbureau/).selectOption('team_leader');
    await team.getByLabel(/Beoordelaar CI Toetsbureau/).selectOption('assessor');
    await checkA11y('/trajecten/:id planning with a team');
    await submit.click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd: Toetsing gepland.' })).toBeVisible();
    await expect(state(page)).toHaveText('toetsing gepland');
  });

  test('the member sees its trajectory planned, with the timeline and every deadline', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    await page.goto('/trajecten');
    const rows = page.getByRole('table').locator('tbody tr');
    // Only its own trajectory.
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(MEMBER);
    await expect(rows.first()).toContainText('toetsing gepland');
    await checkA11y('/trajecten (member)');
    await rows.first().getByRole('link').click();

    await expect(state(page)).toHaveText('toetsing gepland');
    const items = page.getByRole('region', { name: 'Tijdlijn' }).getByRole('listitem');
    await expect(items.filter({ hasText: 'Zelfevaluatie afgerond' })).toHaveCount(1);
    await expect(items.filter({ hasText: 'Aanvraag geaccepteerd door de CI' })).toHaveCount(1);
    await expect(items.filter({ hasText: 'Lidmaatschap bevestigd en toetsing geregistreerd' })).toHaveCount(1);
    const planned = items.filter({ hasText: 'Toetsing gepland' });
    await expect(planned).toHaveCount(1);
    // The planned days with their weekday, as text.
    const firstDay = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${day(20)}T12:00:00`),
    );
    await expect(planned).toContainText(`Eerste toetsdag: ${firstDay}`);
    // The timeline is in date order: the plan was recorded today, after the self-evaluation.
    const texts = await items.allInnerTexts();
    expect(texts.findIndex((t) => t.includes('Zelfevaluatie afgerond'))).toBeLessThan(texts.findIndex((t) => t.includes('Toetsing gepland')));
    // Nothing to record for the member now.
    await expect(page.getByRole('heading', { level: 2, name: 'Vastleggen' })).toHaveCount(0);
    await checkA11y('/trajecten/:id (member, planned)');
  });

  let welzijnSamenId = 0;

  test('the demo team leader sees the audits whose team it is on: all three', async ({ page, signInAs }) => {
    await signInAs('auditor');
    await page.goto('/trajecten');
    const rows = page.getByRole('table').locator('tbody tr');
    // WijkKracht (planned above), Welzijn Samen, and Buurtwerk Noord with its final report (plan.spec.ts,
    // which runs earlier on the same server, adds an audit of a member of its own to this team).
    await expect(rows.filter({ hasText: 'Stichting WijkKracht' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Buurtwerk Noord' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Welzijn Samen' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Stichting Buurtwerk Oost' })).toHaveCount(0);
    const welzijn = rows.filter({ hasText: 'Welzijn Samen' });
    // Planned in the demo; report.spec.ts (which runs earlier) takes it on to its report.
    await expect(welzijn).toContainText(/toetsing gepland|conceptrapport|definitief rapport|verbeterplan|deel A|certific/);
    const href = await welzijn.getByRole('link', { name: 'Traject van Welzijn Samen openen' }).getAttribute('href');
    welzijnSamenId = Number(/\/trajecten\/(\d+)$/.exec(href ?? '')?.[1]);
    expect(welzijnSamenId).toBeGreaterThan(0);
  });

  test('the committee has no access', async ({ page, signInAs }) => {
    await signInAs('committee');
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trajecten' })).toHaveCount(0);
    await page.goto('/trajecten');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    expect((await page.request.get('/api/v1/trajectories')).status()).toBe(403);
  });

  test('an unknown trajectory, or another member’s, is the not-found page', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    for (const path of ['/trajecten/999999', '/trajecten/abc', `/trajecten/${welzijnSamenId}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
    }
    await checkA11y('/trajecten/:id not found');
  });
});
