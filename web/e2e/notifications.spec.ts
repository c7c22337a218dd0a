// The home page's notifications, e-mail language and calendar subscription, and the secretariat's
// outbox, against the real server (issue 10). The calendar link is shown once, right after it is
// made; renewing warns first and the old link stops working; the feed itself is an iCalendar.
import { expect, test } from './support/fixtures';

test.describe('meldingen en agenda', () => {
  test('a member chooses the language of its e-mails; the choice is kept', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    await page.goto('/');
    const language = page.getByRole('group', { name: 'In welke taal ontvangt u e-mails en berichten?' });
    await expect(language.getByRole('radio', { name: 'Nederlands' })).toBeChecked();
    await expect(page.getByRole('heading', { level: 2, name: 'Laatste berichten' })).toBeVisible();
    await checkA11y('home with notifications, language and calendar (member)');
    await language.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByText('Opgeslagen.', { exact: true })).toBeVisible();
    expect((await (await page.request.get('/api/v1/me/language')).json()).language).toBe('en');
    await page.reload();
    await expect(page.getByRole('group', { name: 'In welke taal ontvangt u e-mails en berichten?' }).getByRole('radio', { name: 'English' })).toBeChecked();
    // Back to Dutch for the other specs.
    await page.getByRole('radio', { name: 'Nederlands' }).check();
    await expect(page.getByText('Opgeslagen.', { exact: true })).toBeVisible();
  });

  test('a member makes a calendar link, copies it, and renews it after a warning; the old link stops working', async ({ page, signInAs, checkA11y }) => {
    await signInAs('member');
    await page.goto('/');
    const calendar = page.getByRole('region', { name: 'Agenda-abonnement' });
    await expect(calendar.getByTestId('calendar-none')).toBeVisible();
    await calendar.getByRole('button', { name: 'Agendalink maken' }).click();
    const url = calendar.getByLabel('Uw agendalink');
    await expect(url).toBeFocused();
    const first = await url.inputValue();
    expect(first).toMatch(/\/api\/v1\/calendar\/[^/]+\.ics$/);
    await expect(calendar).toContainText('Outlook');
    await expect(calendar).toContainText('Google Agenda');
    await checkA11y('home with a new calendar link');

    const feed = await page.request.get(new URL(first, page.url()).pathname);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // Opened again: the link is not shown any more, only that it exists.
    await page.reload();
    await expect(calendar.getByTestId('calendar-active')).toBeVisible();
    await expect(calendar.getByLabel('Uw agendalink')).toHaveCount(0);

    await calendar.getByRole('button', { name: 'Nieuwe link maken' }).click();
    await expect(calendar.getByText('Met een nieuwe link werkt de oude niet meer')).toBeVisible();
    await calendar.getByRole('button', { name: 'Ja, nieuwe link maken' }).click();
    const second = await calendar.getByLabel('Uw agendalink').inputValue();
    expect(second).not.toBe(first);
    expect((await page.request.get(new URL(first, page.url()).pathname)).status()).toBe(404);
    expect((await page.request.get(new URL(second, page.url()).pathname)).status()).toBe(200);

    await calendar.getByRole('button', { name: 'Abonnement stoppen' }).click();
    await calendar.getByRole('button', { name: 'Ja, stoppen' }).click();
    await expect(calendar.getByTestId('calendar-none')).toBeVisible();
    expect((await page.request.get(new URL(second, page.url()).pathname)).status()).toBe(404);
  });

  test('the secretariat opens the outbox from the menu and filters by status', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitgaande post' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Uitgaande post' })).toBeVisible();
    const counts = page.getByTestId('outbox-counts');
    await expect(counts).toContainText('Wacht');
    await expect(counts).toContainText('Verstuurd');
    await expect(counts).toContainText('Mislukt');
    await checkA11y('/uitgaande-post');
    await page.getByRole('navigation', { name: 'Toon berichten met status' }).getByRole('link', { name: 'Mislukt' }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page.getByRole('navigation', { name: 'Toon berichten met status' }).getByRole('link', { name: 'Mislukt' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.outbox-status--sent')).toHaveCount(0);
    await checkA11y('/uitgaande-post?status=failed');
  });

  test('other roles get no outbox', async ({ page, signInAs }) => {
    await signInAs('ci-admin');
    await page.goto('/uitgaande-post');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitgaande post' })).toHaveCount(0);
  });
});
