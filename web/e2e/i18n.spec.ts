import { expect, test } from './support/fixtures';

test('switch to English and back; the choice is remembered', async ({ page, signInAs, checkA11y }) => {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('E-mail address')).toBeVisible();
  await checkA11y('/inloggen in English');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await signInAs('member');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'What needs my action now?' })).toBeVisible();
  await page.goto('/normenkader');
  await expect(page.getByRole('heading', { level: 1, name: 'Framework' })).toBeVisible();
  // The framework's own text stays Dutch.
  await expect(page.getByRole('article', { name: 'VM1', exact: true })).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('article', { name: 'VM1', exact: true })).toContainText('Kan blijken uit');

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Normenkader' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Normenkader' })).toBeVisible();
});
