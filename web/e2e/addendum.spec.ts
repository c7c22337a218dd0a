// The additional audit (issue 10 §3, scenario c) in the browser against the real server: the demo's
// Welzijnswerk De Brug has five norms not met, its plans approved and the additional audit planned.
// The team leader opens "Aanvullende toetsing" from the trajectory page, is refused when closing too
// early (the missing norms named), reassesses each norm and writes the passage (autosaved), closes
// the audit, and finds the passage and the addendum in the report; the member then reads it too.
// axe runs on each page. The steps build on each other, so they run in order.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const MEMBER = 'Welzijnswerk De Brug';
const NORMS = ['VM2', 'VM5', 'DV5', 'DV8', 'OB10'];
const PASSAGE = 'Op locatie besproken met twee teamleiders; de scholingsplannen en het nieuwe dossierformat zijn in gebruik.';

let id = 0;

async function signInMember(page: Page) {
  const login = await page.request.post('/api/v1/session', { data: { email: 'kwaliteit@debrug.example', password: 'e2e-Sterk-Demo-2019!' } });
  expect(login.status()).toBe(200);
}

test.describe.serial('additional audit: reassess, write the passage, close, read in the report', () => {
  test('the team reassesses each norm and writes the passage; closing early names what is missing', async ({ page, signInAs, checkA11y }) => {
    await signInAs('auditor');
    const list = await page.request.get('/api/v1/trajectories');
    id = (await list.json()).trajectories.find((t: { member: { name: string } }) => t.member.name === MEMBER).id;
    await page.goto(`/trajecten/${id}`);
    await page.getByRole('link', { name: 'Aanvullende toetsing' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/trajecten/${id}/aanvullende-toetsing$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(MEMBER);
    await expect(page.getByTestId('addendum-missing')).toHaveText(`Nog nodig voor het afsluiten: ${NORMS.join(', ')}, de aanvullende passage.`);
    await expect(page.getByTestId('before-VM2')).toHaveText('Oordeel in het definitieve rapport: - voldoet niet');
    await checkA11y('/trajecten/:id/aanvullende-toetsing (team, open)');

    await page.getByRole('button', { name: 'Aanvullende toetsing afsluiten' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Dit kon niet worden vastgelegd.' });
    await expect(refused).toContainText('VM2, VM5, DV5, DV8, OB10');

    for (const code of NORMS) {
      const norm = page.locator(`#norm-${code}`);
      await norm.getByRole('radio', { name: code === 'OB10' ? '+/- deels / verbeterpunt' : '+ voldoet' }).check();
      await norm.getByLabel(`Bevindingen ${code}`).fill(`Herbeoordeling ${code}: de verbeteracties zijn zichtbaar in de praktijk.`);
      await norm.getByLabel(`Bevindingen ${code}`).blur();
      await expect(norm.locator('.save-status')).toHaveText('Opgeslagen');
    }
    await expect(page.getByTestId('addendum-missing')).toHaveText('Nog nodig voor het afsluiten: de aanvullende passage.');
    await page.getByLabel('Beknopt verslag van de aanvullende toetsing').fill(PASSAGE);
    await page.getByLabel('Beknopt verslag van de aanvullende toetsing').blur();
    await expect(page.getByTestId('addendum-missing')).toHaveText('Alle normen zijn opnieuw beoordeeld en de passage is geschreven.');
  });

  test('the team closes the audit; the report carries the passage and the addendum', async ({ page, signInAs, checkA11y }) => {
    await signInAs('auditor');
    await page.goto(`/trajecten/${id}/aanvullende-toetsing`);
    await expect(page.locator('#norm-VM2').getByLabel('Bevindingen VM2')).toHaveValue(/Herbeoordeling VM2/);
    await page.getByRole('button', { name: 'Aanvullende toetsing afsluiten' }).click();
    await expect(page.getByTestId('addendum-stage')).toContainText('Gehouden op');
    await expect(page.getByRole('button', { name: 'Aanvullende toetsing afsluiten' })).toHaveCount(0);
    await expect(page.locator('#norm-VM2').getByLabel('Bevindingen VM2')).toHaveAttribute('readonly', '');
    await checkA11y('/trajecten/:id/aanvullende-toetsing (team, held)');
    await page.getByRole('link', { name: 'Bekijk het rapport met het addendum' }).click();
    await expect(page.getByText('Aanvullende passage: aanvullende toetsing op')).toBeVisible();
    await expect(page.getByText(PASSAGE)).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Addendum op deel B: aanvullende toetsing op/ })).toBeVisible();
    await checkA11y('/trajecten/:id/rapport (with the addendum)');
  });

  test('the member reads the held additional audit', async ({ page, checkA11y }) => {
    await signInMember(page);
    await page.goto(`/trajecten/${id}`);
    await page.getByRole('link', { name: 'Aanvullende toetsing' }).first().click();
    await expect(page.getByTestId('addendum-stage')).toContainText('Gehouden op');
    await expect(page.getByLabel('Beknopt verslag van de aanvullende toetsing')).toHaveValue(PASSAGE);
    await checkA11y('/trajecten/:id/aanvullende-toetsing (member, held)');
  });
});
