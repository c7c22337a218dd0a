// Every page on a phone (390×844) and a tablet (768×1024), signed out and as each role: nothing is
// wider than the screen (the page does not scroll sideways) and no box is pushed open by its
// content (a long word, a long e-mail address, a table that is cut off inside its scroll box).
import type { Page } from '@playwright/test';
import { DEMO_USERS, type DemoRole } from './support/demo-users';
import { expect, test } from './support/fixtures';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

const LONG_ADDRESS = 'kwaliteitsfunctionaris.maatschappelijke.dienstverlening@stichting-welzijn-en-samenlevingsopbouw.example';

/** What overflows at this moment: the document, or any box whose content is wider than the box. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      problems.push(`document is ${root.scrollWidth}px wide on a ${window.innerWidth}px screen`);
    }
    const boxes = Array.from(document.querySelectorAll<HTMLElement>(
      '.card, .norm, .norm-answer, .finding, .remark, .norm__guidance, .alert, .table-wrap, .peer-ring, .narrow-page, .empty-state, .rubric-nav__item, .facts dd, .site-header__bar, .main-nav, .timeline__item, .action-list__item',
    ));
    for (const box of boxes) {
      // The menu scrolls sideways on purpose on a phone; everything else must fit.
      if (box.classList.contains('main-nav')) {
        continue;
      }
      if (box.scrollWidth > box.clientWidth + 1) {
        const label = box.id || box.getAttribute('aria-labelledby') || box.textContent?.trim().slice(0, 40);
        problems.push(`.${box.className.split(' ').join('.')} "${label}" holds ${box.scrollWidth}px in ${box.clientWidth}px`);
      }
    }
    return problems;
  });
}

async function expectNoOverflow(page: Page, what: string) {
  // Loaded: no spinner left (the page's data is in).
  await expect(page.locator('.loading')).toHaveCount(0);
  expect(await overflows(page), `${what}: horizontal overflow`).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('signed out: every page fits the screen', async ({ page }) => {
      for (const path of [
        '/inloggen',
        '/normenkader',
        '/normenkader?q=vrijwilligers',
        '/normenkader?q=qwxzplork',
        '/wachtwoord-vergeten',
        '/wachtwoord-herstellen',
        '/wachtwoord-herstellen?token=bestaat-niet',
        '/bestaat-niet/echt-niet',
        '/register',
        '/register?q=qwxzplork',
        '/register/SSW-1999-0001',
      ]) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoOverflow(page, path);
      }
      // The whole norm list: VM1's "evaluatie-/beoordelingsgesprekken," stays in its box.
      await page.goto('/normenkader');
      await expect(page.locator('article.norm')).toHaveCount(49);
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await expectNoOverflow(page, '/normenkader with every detail open');
      // The reset confirmation repeats the address: a long one wraps.
      await page.goto('/wachtwoord-vergeten');
      await page.getByLabel('E-mailadres').fill(LONG_ADDRESS);
      await page.getByRole('button', { name: 'Stuur mij een link' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Controleer uw e-mail' })).toBeVisible();
      await expectNoOverflow(page, 'the reset confirmation with a long address');
      // A failed login with a long address.
      await page.goto('/inloggen');
      await page.getByLabel('E-mailadres').fill(LONG_ADDRESS);
      await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoOverflow(page, 'a failed login with a long address');
    });

    for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
      test(`as ${role}: every page fits the screen`, async ({ page, signInAs }) => {
        await signInAs(role);
        // The trajectories this role may see (the committee none: its pages say "Geen toegang").
        const answer = await page.request.get('/api/v1/trajectories');
        const listed = answer.ok() ? ((await answer.json()) as { trajectories: { id: number; state: string }[] }).trajectories : [];
        const ids = answer.ok() ? listed.map((t) => t.id) : [1];
        // The report pages (Bevindingen, Deel A, Rapport) of one trajectory with an audit planned or later.
        const audited = listed.find((t) => !['self-evaluation', 'requested', 'declined', 'accepted', 'registered', 'withdrawn'].includes(t.state));
        const reportPaths = audited ? ['bevindingen', 'deel-a', 'rapport'].map((page) => `/trajecten/${audited.id}/${page}`) : [];
        // The improvement plan of one trajectory in scenario b or c (issue 10).
        const withPlan = listed.find((t) => ['plan', 'additional-audit'].includes(t.state));
        const planPaths = withPlan ? [`/trajecten/${withPlan.id}/verbeterplan`] : [];
        const trajectoryPaths = ['/trajecten', '/trajecten?te-laat=1', ...ids.map((id) => `/trajecten/${id}`), ...reportPaths, ...planPaths];
        // The registries and their entries (the secretariat's; the others see "Geen toegang"), the
        // organisation page, the scope calculator and the request page.
        const members = await page.request.get('/api/v1/members');
        const memberIds = members.ok() ? ((await members.json()) as { members: { id: number }[] }).members.map((m) => m.id) : [];
        const cis = await page.request.get('/api/v1/cis');
        const ciIds = cis.ok() ? ((await cis.json()) as { cis: { id: number }[] }).cis.map((c) => c.id) : [];
        const registryPaths = [
          '/leden',
          ...memberIds.slice(0, 2).map((id) => `/leden/${id}`),
          '/instellingen',
          ...ciIds.slice(0, 2).map((id) => `/instellingen/${id}`),
          '/organisatie',
          '/scope-en-fte',
          '/toetsing-aanvragen',
        ];
        for (const path of ['/', '/normenkader?q=VM1', '/gebruikers', '/zelfevaluatie', '/branchetoetsing', '/auditoren', ...trajectoryPaths, ...registryPaths, '/uitgaande-post', '/trends', '/kalibratie', '/bestaat-niet']) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expectNoOverflow(page, `${role} ${path}`);
        }
      });
    }

    test('the header stays small and in line', async ({ page, signInAs }) => {
      await signInAs('committee');
      await page.goto('/');
      const header = await page.locator('header.site-header').boundingBox();
      expect(header, 'header').not.toBeNull();
      // A phone keeps most of its screen for the page (it took 270 px before).
      expect(header!.height).toBeLessThanOrEqual(viewport.width < 500 ? 180 : 200);
      // "Beheercommissie" is said once, not "Beheercommissie / Beheercommissie".
      await expect(page.locator('.user-box__who')).toHaveText('Beheercommissie');
      // The language button sits in line with the brand (same row, centres within a few pixels).
      const brand = await page.locator('.brand').boundingBox();
      const language = await page.getByRole('button', { name: 'English' }).boundingBox();
      expect(Math.abs(brand!.y + brand!.height / 2 - (language!.y + language!.height / 2))).toBeLessThanOrEqual(6);
      expect(language!.x + language!.width).toBeLessThanOrEqual(viewport.width);
    });

    test('the users table stacks: every column is there and nothing is cut off', async ({ page, signInAs }) => {
      await signInAs('secretariat');
      await page.goto('/gebruikers');
      const row = page.getByRole('row').filter({ hasText: 'kwaliteit@samenwelzijn.example' });
      await expect(row).toBeVisible();
      await row.scrollIntoViewIfNeeded();
      for (const text of ['Kwaliteitsfunctionaris (lid)', 'Welzijn Samen', 'Actief', 'Rol wijzigen', 'Deactiveren']) {
        const cell = row.getByText(text, { exact: true });
        await expect(cell).toBeVisible();
        const box = await cell.boundingBox();
        expect(box!.x, `${text} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${text} ends on screen`).toBeLessThanOrEqual(viewport.width);
      }
      await expectNoOverflow(page, '/gebruikers');
    });

    test('the auditor form with a tie fits the screen', async ({ page, signInAs }) => {
      await signInAs('ci-admin');
      await page.goto('/auditoren');
      await page.getByRole('button', { name: 'Auditor toevoegen' }).click();
      await page.getByRole('button', { name: 'Band toevoegen' }).click();
      await expectNoOverflow(page, '/auditoren with the form and a tie');
    });

    test('the scope calculator with figures and the request page fit the screen', async ({ page, signInAs }) => {
      await signInAs('member');
      await page.goto('/scope-en-fte');
      await page.getByRole('textbox', { name: /Professionals in loondienst/ }).fill('12,5');
      await page.getByRole('textbox', { name: /Niet-bedrijfskritische vrijwilligers/ }).fill('140');
      await expect(page.getByTestId('scope-total')).toHaveText('12,5 fte');
      await expectNoOverflow(page, '/scope-en-fte with figures');
      await page.goto('/toetsing-aanvragen');
      await expect(page.getByTestId('scope-total')).toHaveText('12,5 fte');
      await expectNoOverflow(page, '/toetsing-aanvragen with figures');
    });

    test('a long norm list leads back to the rubric menu', async ({ page }) => {
      await page.goto('/normenkader');
      const back = page.locator('#rubriek-OB').getByRole('link', { name: 'Terug naar de rubrieken' });
      await back.scrollIntoViewIfNeeded();
      await back.click();
      await expect(page.getByRole('navigation', { name: 'Rubrieken' })).toBeInViewport();
    });
  });
}
