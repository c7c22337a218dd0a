// The secretariat loads the register kept before this system (issue 11, item 5) in the browser
// against the real server: the link on the register page (the secretariat's only), a file with an
// error shows the table of problems (regel, veld, melding) and offers no import, a good file's check
// shows what would happen, "Importeren" writes it and the members are in the public register. Old
// certificate numbers (2021) keep the current year's sequence, which other specs issue from, as it is.
// axe runs on each state of the page.
import { expect, test } from './support/fixtures';

const HEADER = 'lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt';

function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const twoYearsLater = (iso: string) => `${Number(iso.slice(0, 4)) + 2}${iso.slice(4)}`;
const dutch = (iso: string) => iso.split('-').reverse().join('-');

const EAST = `E2E-IMP-1;Welzijn Importproef Oost;90000011;Deventer;Het hele lid;SSW-2021-0911;${day(-60)};${twoYearsLater(day(-60))}`;
const WEST = `E2E-IMP-2;Buurtwerk Importproef West;;Almelo;Werksoorten: jongerenwerk;SSW-2021-0912;${dutch(day(-20))};${dutch(twoYearsLater(day(-20)))}`;

function csvFile(name: string, rows: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8') };
}

test.describe('register import', () => {
  test.describe.configure({ mode: 'serial' });

  test('a member sees no link to the import, and no import page', async ({ page, signInAs }) => {
    await signInAs('member');
    await page.goto('/register');
    await expect(page.getByRole('heading', { level: 1, name: 'Kwaliteitsregister' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Register importeren uit een CSV-bestand' })).toHaveCount(0);
    await page.goto('/register/importeren');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  });

  test('the secretariat finds the import on the register page', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/register');
    await page.getByRole('link', { name: 'Register importeren uit een CSV-bestand' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register importeren' })).toBeVisible();
    await expect(page.getByText(HEADER)).toBeVisible();
    await checkA11y('/register/importeren');
  });

  test('a file with an error shows every problem; a good file is checked, then imported', async ({ page, signInAs, checkA11y }) => {
    await signInAs('secretariat');
    await page.goto('/register/importeren');
    const file = page.getByLabel('CSV-bestand');

    await file.setInputFiles(csvFile('register-fout.csv', [EAST, WEST.replace(/;[^;]*$/, `;31-02-${new Date().getFullYear() + 2}`)]));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect(page.getByRole('alert')).toContainText('1 fout in register-fout.csv: er is niets geïmporteerd');
    const problems = page.getByTestId('import-problem');
    await expect(problems).toHaveCount(1);
    await expect(problems.first().getByRole('rowheader')).toHaveText('3');
    await expect(problems.first()).toContainText('verloopt');
    await expect(problems.first()).toContainText('is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)');
    await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
    await checkA11y('/register/importeren with the problems');

    await file.setInputFiles(csvFile('register.csv', [EAST, WEST]));
    await expect(problems).toHaveCount(0);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Geen fouten gevonden in register.csv' })).toBeVisible();
    const summary = page.getByTestId('import-summary');
    await expect(summary.getByRole('row', { name: /Nieuwe leden/ })).toContainText('2');
    await expect(summary.getByRole('row', { name: /Certificaten die worden geïmporteerd/ })).toContainText('2');
    await checkA11y('/register/importeren after a check');

    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het register is geïmporteerd' })).toBeVisible();
    await expect(summary.getByRole('row', { name: /Certificaten geïmporteerd/ })).toContainText('2');
    await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
    await checkA11y('/register/importeren after the import');

    await page.getByRole('link', { name: 'Naar het register', exact: true }).click();
    await page.getByLabel('Zoeken', { exact: true }).fill('importproef');
    const rows = page.getByTestId('register-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Welzijn Importproef Oost' })).toContainText('SSW-2021-0911');
    await expect(rows.filter({ hasText: 'Buurtwerk Importproef West' })).toContainText('geldig');
  });
});
