import { expect, test } from './support/fixtures';

test.describe('normenkader', () => {
  test('shows 3 rubrics and 49 norms with guidance, questions and evidence', async ({ page, checkA11y }) => {
    await page.goto('/normenkader');
    await expect(page.getByRole('heading', { level: 1, name: 'Normenkader' })).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: 'normen' });
    await expect(status).toHaveText('49 normen in 3 rubrieken');
    await expect(status).toHaveAttribute('aria-live', 'polite');

    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(3);
    await expect(page.getByRole('heading', { level: 2, name: /Vakmanschap/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Dienstverlening/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Organisatie en bestuur/ })).toBeVisible();
    await expect(page.locator('article.norm')).toHaveCount(49);

    const vm1 = page.getByRole('article', { name: 'VM1', exact: true });
    await expect(vm1).toContainText('Kan blijken uit');
    await vm1.getByText(/^Vragen voor de auditor/).click();
    await expect(vm1.getByRole('listitem').first()).toBeVisible();
    await vm1.getByText(/^Voorbeelden van bewijs/).click();
    await checkA11y('/normenkader');
  });

  test('search filters across the framework and announces the count', async ({ page }) => {
    await page.goto('/normenkader');
    const search = page.getByRole('searchbox', { name: 'Zoeken in het normenkader' });
    await search.fill('vrijwilligers');

    await expect(page.getByRole('article', { name: 'DV10', exact: true })).toBeVisible();
    await expect(page.getByRole('article', { name: 'DV11', exact: true })).toBeVisible();
    const count = await page.locator('article.norm').count();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThan(49);
    await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText(
      count === 1 ? '1 norm gevonden voor ‘vrijwilligers’' : `${count} normen gevonden voor ‘vrijwilligers’`,
    );
    await expect(page.locator('mark').first()).toBeVisible();
    await expect(page).toHaveURL(/\?q=vrijwilligers$/);

    // A code works too; the query survives a reload.
    await search.fill('OB13');
    await expect(page.locator('article.norm')).toHaveCount(1);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Zoeken in het normenkader' })).toHaveValue('OB13');
    await expect(page.getByRole('article', { name: 'OB13', exact: true })).toBeVisible();
  });

  test('a term that is nowhere shows the empty state', async ({ page, checkA11y }) => {
    await page.goto('/normenkader');
    await page.getByRole('searchbox', { name: 'Zoeken in het normenkader' }).fill('qwxzplork');
    await expect(page.locator('article.norm')).toHaveCount(0);
    await expect(page.getByText('Geen normen gevonden voor ‘qwxzplork’').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Geen normen' })).toHaveText(
      'Geen normen gevonden voor ‘qwxzplork’',
    );
    await checkA11y('/normenkader empty search');

    await page.getByRole('button', { name: 'Zoekopdracht wissen' }).first().click();
    await expect(page.locator('article.norm')).toHaveCount(49);
  });

  test('works on a 768×1024 tablet', async ({ page, signInAs }, testInfo) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await signInAs('auditor');
    await page.goto('/normenkader');
    await expect(page.locator('article.norm')).toHaveCount(49);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    const search = page.getByRole('searchbox', { name: 'Zoeken in het normenkader' });
    const box = await search.boundingBox();
    expect(box && box.width).toBeGreaterThan(400);
    expect(box && box.height).toBeGreaterThanOrEqual(44);
    // The menu and the logout button stay reachable without a hamburger.
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeInViewport();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Normenkader' })).toBeInViewport();

    await search.fill('vrijwilligers');
    await expect(page.getByRole('article', { name: 'DV10', exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('normenkader-768.png') });
  });
});
