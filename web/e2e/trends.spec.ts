// Issue 12: the trend analysis (/trends) for the committee and the secretariat, and a member's
// calibration (/kalibratie). The shared demo server has too few final reports, so there every group
// is suppressed; the figures, charts and filters are checked on a second server seeded with
// `sterklabel demo-data` (support/seeded-server.ts), always against what its API answers.
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo-users';
import { expect, test } from './support/fixtures';
import { startSeededServer } from './support/seeded-server';

interface Tally {
  met: number;
  partly: number;
  not_met: number;
  not_applicable: number;
  total: number;
}
interface TrendColumn {
  label: string;
  suppressed: boolean;
  organisations: number | null;
  reports: number | null;
}
interface TrendView {
  selection: { variant: string; band: string };
  bands: string[];
  variants: { key: string; label: string }[];
  columns: TrendColumn[];
  rubrics: { code: string; name?: string; columns: (Tally | null)[] }[];
  most_not_met: { code: string; count: number }[];
  steps: { label: string }[];
  per_ci: { name: string }[];
}

const seeded = test.extend<object, { seededUrl: string }>({
  seededUrl: [
    async ({}, use) => {
      const server = await startSeededServer({ audits: 60, seed: 12 });
      await use(server.url);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ seededUrl }, use) => {
    await use(seededUrl);
  },
});

const percent = (value: number) => new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(value);

async function trendView(page: Page, query = ''): Promise<TrendView> {
  const response = await page.request.get(`/api/v1/trends${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as TrendView;
}

/** The overview table's rows as the page shows them: "2025 6 6" or "2023 te weinig gegevens". */
function overviewRows(view: TrendView): RegExp[] {
  return view.columns.map((c) => new RegExp(`^${c.label}\\s*${c.suppressed ? 'te weinig gegevens' : `${c.organisations}\\s*${c.reports}`}$`));
}

test.describe('trendanalyse met de demogegevens', () => {
  test('the committee opens /trends from the menu; a selection of too few organisations says "te weinig gegevens" and draws nothing', async ({ page, signInAs, checkA11y }) => {
    await signInAs('committee');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trendanalyse' }).click();
    await expect(page).toHaveURL(/\/trends$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Trendanalyse' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Aantal organisaties en definitieve rapporten per kolom' })).toBeVisible();

    // Other specs add final reports to the shared server; a variant with fewer than 5 organisations
    // in every column is still there (the demo has a handful of members).
    const view = await trendView(page);
    let chosen: { key: string; view: TrendView } | null = null;
    for (const variant of view.variants) {
      const answer = await trendView(page, `?variant=${encodeURIComponent(variant.key)}`);
      if (answer.columns.every((c) => c.suppressed)) {
        chosen = { key: variant.key, view: answer };
        break;
      }
    }
    expect(chosen, 'a variant with too few organisations on the demo server').not.toBeNull();
    await page.getByLabel('Toetsvorm').selectOption(chosen!.key);
    await expect.poll(() => new URL(page.url()).searchParams.get('variant')).toBe(chosen!.key);
    await expect(page.getByTestId('trends-status')).toContainText('Voor deze selectie zijn te weinig gegevens.');

    const columns = chosen!.view.columns;
    const overview = page.getByRole('table', { name: 'Aantal organisaties en definitieve rapporten per kolom' });
    await expect(overview.getByRole('row')).toHaveCount(1 + columns.length);
    await expect(overview.getByRole('row').filter({ hasText: 'alle jaren' })).toContainText('te weinig gegevens');
    // No figures anywhere in the verdict tables: each cell of each rubric and norm is suppressed.
    const rubrics = page.getByRole('table', { name: 'Aandeel oordelen per rubriek en jaar' });
    await expect(rubrics.getByRole('row')).toHaveCount(1 + 3);
    await expect(rubrics.getByRole('cell')).toHaveCount(3 * columns.length);
    for (const cell of await rubrics.getByRole('cell').all()) {
      await expect(cell).toHaveText('te weinig gegevens');
    }
    await expect(rubrics).not.toContainText('%');
    const norms = page.getByRole('table', { name: 'Aandeel oordelen per norm en jaar' });
    await expect(norms.getByRole('row')).toHaveCount(1 + 49);
    await expect(norms).not.toContainText('%');
    // No chart of figures that may not be shown.
    await expect(page.getByRole('img')).toHaveCount(0);
    await expect(page.getByText('Geen grafiek: voor deze selectie zijn te weinig gegevens.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Deze selectie als CSV (open in Excel)' })).toHaveAttribute(
      'href',
      `/api/v1/trends.csv?${new URLSearchParams({ variant: chosen!.key }).toString()}`,
    );
    await checkA11y('/trends (suppressed)');
  });

  for (const role of ['member', 'ci-admin', 'auditor'] as const) {
    test(`the ${role} has no menu link to /trends, sees "Geen toegang" and gets 403`, async ({ page, signInAs, checkA11y }) => {
      await signInAs(role);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trendanalyse' })).toHaveCount(0);
      await page.goto('/trends');
      await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
      expect((await page.request.get('/api/v1/trends')).status()).toBe(403);
      expect((await page.request.get('/api/v1/trends.csv')).status()).toBe(403);
      if (role === 'member') {
        await checkA11y('/trends as a member (Geen toegang)');
      }
    });
  }

  test('the committee has no calibration page', async ({ page, signInAs }) => {
    await signInAs('committee');
    await page.goto('/kalibratie');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kalibratie' })).toHaveCount(0);
  });
});

test.describe('kalibratie', () => {
  test('a member without a final report opens its calibration from the menu and sees that there is none yet', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kalibratie' }).click();
    await expect(page).toHaveURL(/\/kalibratie$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Kalibratie van de zelfevaluatie' })).toBeVisible();
    await expect(page.getByText('Nog geen afgeronde toetsing')).toBeVisible();
    await checkA11y('/kalibratie (empty)');
  });

  test('a member with a final report sees its verdicts beside the audit’s, and not another member’s', async ({ page, checkA11y }) => {
    const login = await page.request.post('/api/v1/session', { data: { email: 'kwaliteit@buurtwerk.example', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const memberId = ((await login.json()) as { user: { organisation_id: number } }).user.organisation_id;
    const answer = await page.request.get(`/api/v1/members/${memberId}/calibration`);
    expect(answer.status()).toBe(200);
    const calibration = (await answer.json()) as {
      audits: { trajectory_id: number; year: number; norms: { code: string; self: string | null; audit: string | null; branch: object | null }[] }[];
    };
    expect(calibration.audits.length).toBeGreaterThan(0);
    const audit = calibration.audits[0];

    await page.goto('/');
    await page.getByRole('link', { name: 'Zelfevaluatie naast de toetsing (kalibratie)' }).click();
    await expect(page).toHaveURL(/\/kalibratie$/);
    await expect(page.getByRole('heading', { level: 2, name: `Toetsing ${audit.year}` }).first()).toBeVisible();
    const table = page.getByRole('table', { name: `Zelfevaluatie en toetsing per norm, ${audit.year}` }).first();
    await expect(table.getByRole('columnheader')).toHaveText(['Norm', 'Eigen oordeel', 'Oordeel toetsing', 'Eens?', 'Branche eens']);
    await expect(table.getByRole('row')).toHaveCount(1 + audit.norms.length);
    for (const norm of audit.norms.slice(0, 5)) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${norm.code} `) }) });
      await expect(row.getByRole('cell').nth(0)).toHaveText(norm.self ?? 'geen oordeel');
      await expect(row.getByRole('cell').nth(1)).toHaveText(norm.audit ?? 'geen oordeel');
      if (norm.branch === null) {
        await expect(row.getByRole('cell').nth(3)).toHaveText('te weinig gegevens');
      }
    }
    await expect(page.getByRole('link', { name: 'Naar het traject' }).first()).toHaveAttribute('href', `/trajecten/${audit.trajectory_id}`);
    await checkA11y('/kalibratie');
    // Another member's calibration is refused.
    expect((await page.request.get(`/api/v1/members/${memberId === 1 ? 2 : 1}/calibration`)).status()).toBe(403);
  });
});

seeded.describe('trendanalyse met veel toetsingen', () => {
  seeded('the committee sees figures, a chart with its table, and a filter that changes the address and the data', async ({ page, signInAs, checkA11y }) => {
    await signInAs('committee');
    const view = await trendView(page);
    const all = view.columns.length - 1;
    expect(view.columns[all].suppressed).toBe(false);

    await page.goto('/trends');
    await expect(page.getByRole('heading', { level: 1, name: 'Trendanalyse' })).toBeVisible();
    const overview = page.getByRole('table', { name: 'Aantal organisaties en definitieve rapporten per kolom' });
    await expect(overview.getByRole('row').filter({ hasText: 'alle jaren' })).toContainText(String(view.columns[all].organisations));

    // The rubric table has the shares the API's counts give, per verdict.
    const rubrics = page.getByRole('table', { name: 'Aandeel oordelen per rubriek en jaar' });
    const vm = view.rubrics.find((r) => r.code === 'VM')!;
    const vmAll = vm.columns[all]!;
    const vmRow = rubrics.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'VM Vakmanschap' }) });
    const vmCell = vmRow.getByRole('cell').nth(all);
    await expect(vmCell).toContainText(`+ ${percent(vmAll.met / vmAll.total)} (${vmAll.met})`);
    await expect(vmCell).toContainText(`+/- ${percent(vmAll.partly / vmAll.total)} (${vmAll.partly})`);
    await expect(vmCell).toContainText(`- ${percent(vmAll.not_met / vmAll.total)} (${vmAll.not_met})`);
    await expect(vmCell).toContainText(`n.v.t. ${percent(vmAll.not_applicable / vmAll.total)} (${vmAll.not_applicable})`);
    // A suppressed year (if any) shows no figures.
    for (const [index, column] of view.columns.entries()) {
      if (column.suppressed) {
        await expect(vmRow.getByRole('cell').nth(index)).toHaveText('te weinig gegevens');
      }
    }

    // The chart: an image with a summary, drawn as SVG, next to its table.
    const chart = page.getByRole('img', { name: /^Staafdiagram: aandeel oordelen per rubriek en jaar\. Over alle jaren: Vakmanschap: \+ / });
    await expect(chart).toBeVisible();
    await expect(chart.locator('svg')).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', new RegExp(`Vakmanschap: \\+ ${percent(vmAll.met / vmAll.total)}`));
    const bars = chart.locator('svg rect');
    expect(await bars.count()).toBeGreaterThan(0);
    if (view.most_not_met.length > 0) {
      await expect(page.getByRole('img', { name: /^Staafdiagram: normen die het vaakst niet voldoen/ })).toBeVisible();
      const notMet = page.getByRole('table', { name: 'Normen met het oordeel "voldoet niet" (-), het vaakst eerst' });
      await expect(notMet.getByRole('row')).toHaveCount(1 + view.most_not_met.length);
      await expect(notMet.getByRole('row').nth(1)).toContainText(view.most_not_met[0].code);
    }
    await expect(page.getByRole('img', { name: /^Staafdiagram: gemiddeld aantal dagen per stap/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Stappen van de CI tegen hun termijnen' })).toBeVisible();
    // The committee is not sent the figures per CI.
    expect(view.per_ci).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Per certificerende instelling' })).toHaveCount(0);
    await checkA11y('/trends with figures and charts');

    // A band with at least one suppressed column: choosing it changes the address, the data and the downloads.
    let band = '';
    let filtered: TrendView | null = null;
    for (const candidate of view.bands) {
      const answer = await trendView(page, `?band=${encodeURIComponent(candidate)}`);
      if (answer.columns.some((c) => c.suppressed)) {
        band = candidate;
        filtered = answer;
        break;
      }
    }
    expect(filtered, 'a band with a suppressed column in the seeded data').not.toBeNull();
    await page.getByLabel('Omvang (fte)').selectOption(band);
    await expect.poll(() => new URL(page.url()).searchParams.get('band')).toBe(band);
    await expect(page.getByTestId('trends-status')).toContainText(`Selectie: Alle toetsvormen, ${band}.`);
    await expect(overview.getByRole('row')).toHaveCount(1 + filtered!.columns.length);
    await expect(overview.getByRole('row').filter({ hasNot: page.getByRole('columnheader') })).toHaveText(overviewRows(filtered!));
    const csv = page.getByRole('link', { name: 'Deze selectie als CSV (open in Excel)' });
    const href = await csv.getAttribute('href');
    expect(href).toBe(`/api/v1/trends.csv?${new URLSearchParams({ band }).toString()}`);
    await expect(page.getByRole('link', { name: 'Deze selectie als Excel-bestand (.xlsx)' })).toHaveAttribute('href', `/api/v1/trends.xlsx?${new URLSearchParams({ band }).toString()}`);
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('te weinig gegevens');

    // The variant too; both stay in the address, and a reload keeps the selection.
    const variant = view.variants[0];
    await page.getByLabel('Toetsvorm').selectOption(variant.key);
    await expect.poll(() => new URL(page.url()).searchParams.get('variant')).toBe(variant.key);
    expect(new URL(page.url()).searchParams.get('band')).toBe(band);
    await expect(csv).toHaveAttribute('href', `/api/v1/trends.csv?${new URLSearchParams({ variant: variant.key, band }).toString()}`);
    await page.reload();
    await expect(page.getByLabel('Toetsvorm')).toHaveValue(variant.key);
    await expect(page.getByLabel('Omvang (fte)')).toHaveValue(band);
    await expect(page.getByTestId('trends-status')).toContainText(`Selectie: ${variant.label}, ${band}.`);
  });

  seeded('the secretariat sees the steps per CI too, and a print leaves out menu and filters', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    const view = await trendView(page);
    expect(view.per_ci.length).toBeGreaterThan(0);
    await page.goto('/trends');
    await expect(page.getByRole('heading', { level: 2, name: 'Per certificerende instelling' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: view.per_ci[0].name })).toBeVisible();
    await expect(page.getByRole('table', { name: `Stappen van ${view.per_ci[0].name} tegen hun termijnen` })).toBeVisible();
    await checkA11y('/trends as the secretariat');

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
    await expect(page.getByLabel('Toetsvorm')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Deze selectie als CSV (open in Excel)' })).toBeHidden();
    await expect(page.getByRole('table', { name: 'Aandeel oordelen per rubriek en jaar' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Staafdiagram: aandeel oordelen/ })).toBeVisible();
  });
});
