// Signed out, no page writes an error to the console: asking who is signed in is not an error.
import { expect, test } from './support/fixtures';

test('signed out: no console errors on any page', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`${page.url()}: ${message.text()}`);
    }
  });
  const sessionAnswers: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/v1/session') && response.request().method() === 'GET') {
      sessionAnswers.push(response.status());
    }
  });
  for (const path of [
    '/',
    '/inloggen',
    '/normenkader',
    '/normenkader?q=vrijwilligers',
    '/gebruikers',
    '/wachtwoord-vergeten',
    '/wachtwoord-herstellen',
    '/wachtwoord-herstellen?token=bestaat-niet',
    '/bestaat-niet',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
  expect(sessionAnswers.length).toBeGreaterThan(0);
  expect(sessionAnswers.every((status) => status === 200)).toBe(true);
});
