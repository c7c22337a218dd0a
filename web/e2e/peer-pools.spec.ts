// Branchetoetsing (/branchetoetsing): the demo pool read-only for a member, "wie toetst wie" as a
// table and as a ring with the same facts as text; the secretariat forms a pool (errors name the
// field and keep what was typed) and closes it; a ci-admin's CI is fixed; others have no access.
// axe on each state.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';

async function csrf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/v1/me');
  return ((await me.json()) as { csrf_token: string }).csrf_token;
}

test('a member sees its pool read-only: who audits whom, as a table and as a picture', async ({ page, signInAs, checkA11y }) => {
  await signInAs('member');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Branchetoetsing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Branchetoetsing (pools)' })).toBeVisible();
  const pool = page.getByRole('region', { name: 'Branchetoetsing Utrecht-Zwolle-Deventer' });
  await expect(pool).toBeVisible();
  await expect(pool.getByText('Geleid door CI Toetsbureau.')).toBeVisible();
  const table = pool.getByRole('table', { name: 'Wie toetst wie' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Stichting Buurtwerk Oost/ }).first()).toBeVisible();
  const buurtwerk = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Stichting Buurtwerk Oost' }) });
  await expect(buurtwerk).toContainText('Stichting WijkKracht en Welzijn Samen');
  await expect(buurtwerk).toContainText('CI Toetsbureau');
  // The picture has a name and the same facts as text.
  const picture = pool.getByRole('img', { name: /Wie toetst wie in Branchetoetsing Utrecht-Zwolle-Deventer/ });
  await expect(picture).toBeVisible();
  await expect(picture).toHaveAccessibleName(/Stichting Buurtwerk Oost wordt getoetst door Stichting WijkKracht en Welzijn Samen, onder leiding van CI Toetsbureau\./);
  await expect(pool.locator('.peer-ring__arrow')).toHaveCount(6);
  // Read-only: nothing to form or edit.
  await expect(page.getByRole('button', { name: 'Nieuwe pool vormen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /bewerken/i })).toHaveCount(0);
  await checkA11y('/branchetoetsing as a member');
});

test('the secretariat forms a pool: errors name the field and keep what was typed; then closes it', async ({ page, signInAs, checkA11y }) => {
  test.setTimeout(60_000);
  await signInAs('secretariat');
  const token = await csrf(page.request);
  const suffix = Date.now().toString(36);
  const names = [`Buurtwerk Noord ${suffix}`, `Welzijn West ${suffix}`, `Samen Zuid ${suffix}`];
  for (const [i, name] of names.entries()) {
    const created = await page.request.post('/api/v1/members', {
      headers: { 'X-CSRF-Token': token },
      data: { name, lidnummer: `SWN-E2E-${i}`, kvk: '12345678', town: 'Ede', member_from: '2020-01-01' },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  await page.goto('/branchetoetsing');
  await expect(page.getByRole('region', { name: 'Branchetoetsing Utrecht-Zwolle-Deventer' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe pool vormen' }).click();
  const form = page.getByRole('region', { name: 'Nieuwe pool' });
  await expect(page.getByLabel('Naam van de pool')).toBeFocused();

  // Nothing filled in: the name's error first, focus on it.
  await form.getByRole('button', { name: 'Pool vormen' }).click();
  await expect(form.getByText('Vul de naam van de pool in.')).toBeVisible();
  await expect(page.getByLabel('Naam van de pool')).toBeFocused();
  await page.getByLabel('Naam van de pool').fill(`Pool Oost ${suffix}`);
  await page.getByLabel('CI die de pool leidt').selectOption({ label: 'CI Toetsbureau' });

  // The demo members are taken by the demo pool; an unchecked one cannot be chosen, and says why.
  await expect(form.getByLabel(/^Stichting WijkKracht/)).toBeDisabled();
  await expect(form.getByText('zit al in de open pool Branchetoetsing Utrecht-Zwolle-Deventer').first()).toBeVisible();

  // Two members: refused naming the members, what was typed stays.
  await form.getByLabel(new RegExp(`^${names[0]}`)).check();
  await form.getByLabel(new RegExp(`^${names[1]}`)).check();
  await form.getByRole('button', { name: 'Pool vormen' }).click();
  await expect(form.getByText('Kies minstens drie leden (2 gekozen).')).toBeVisible();
  await expect(page.getByLabel('Naam van de pool')).toHaveValue(`Pool Oost ${suffix}`);
  await checkA11y('/branchetoetsing form with an error');

  // The third by keyboard.
  await form.getByLabel(new RegExp(`^${names[2]}`)).focus();
  await page.keyboard.press('Space');
  await expect(form.getByText(`Volgorde in de ring: ${names.join(' → ')}`)).toBeVisible();
  await form.getByRole('button', { name: 'Pool vormen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Pool Pool Oost ${suffix} is opgeslagen.` })).toBeVisible();
  const pool = page.getByRole('region', { name: `Pool Oost ${suffix}` });
  const table = pool.getByRole('table', { name: 'Wie toetst wie' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const first = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: names[0] }) });
  await expect(first).toContainText(`${names[1]} en ${names[2]}`);
  await checkA11y('/branchetoetsing with a new pool');

  // Closed: the tag says so.
  await pool.getByRole('button', { name: `Pool Pool Oost ${suffix} bewerken` }).click();
  await page.getByLabel('Status').selectOption('closed');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('region', { name: `Pool Oost ${suffix}` }).getByText('afgesloten', { exact: true })).toBeVisible();
});

test('a ci-admin edits the pool its CI leads; its CI is fixed', async ({ page, signInAs, checkA11y }) => {
  await signInAs('ci-admin');
  await page.goto('/branchetoetsing');
  const pool = page.getByRole('region', { name: 'Branchetoetsing Utrecht-Zwolle-Deventer' });
  await pool.getByRole('button', { name: 'Pool Branchetoetsing Utrecht-Zwolle-Deventer bewerken' }).click();
  const form = page.getByRole('region', { name: /bewerken$/ });
  await expect(form.getByText('CI Toetsbureau', { exact: true })).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'CI die de pool leidt' })).toHaveCount(0);
  await expect(form.getByLabel(/^Stichting WijkKracht/)).toBeChecked();
  await checkA11y('/branchetoetsing edit form as ci-admin');
  await form.getByRole('button', { name: 'Annuleren' }).click();
  await expect(form).toHaveCount(0);
});

test('the committee and the CI\'s auditors have no peer pool page', async ({ page, signInAs }) => {
  for (const role of ['committee', 'auditor'] as const) {
    await page.context().clearCookies();
    await signInAs(role);
    await page.goto('/branchetoetsing');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Branchetoetsing' })).toHaveCount(0);
  }
});
