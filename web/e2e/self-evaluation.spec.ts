// The member's self-evaluation (/zelfevaluatie): start, answer with autosave, progress per rubric,
// a conflict with another tab that offers both texts, completion refused while norms are open and
// then done, read-only afterwards; axe on each state and no sideways scrolling at 390 px.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

type Answer = { norm: string; verdict: string; explanation: string; version: number };
type SelfEvaluation = { id: number; state: string; answers: Answer[] };

async function newest(request: APIRequestContext): Promise<SelfEvaluation> {
  const list = await request.get('/api/v1/self-evaluations');
  expect(list.status()).toBe(200);
  const { self_evaluations } = (await list.json()) as { self_evaluations: { id: number }[] };
  const one = await request.get(`/api/v1/self-evaluations/${self_evaluations[0].id}`);
  return (await one.json()) as SelfEvaluation;
}

async function csrf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/v1/me');
  return ((await me.json()) as { csrf_token: string }).csrf_token;
}

async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      problems.push(`document is ${document.documentElement.scrollWidth}px wide on a ${window.innerWidth}px screen`);
    }
    for (const box of Array.from(document.querySelectorAll<HTMLElement>('.card, .alert, .empty-state, .conflict-texts__text'))) {
      if (box.scrollWidth > box.clientWidth + 1) {
        problems.push(`${box.className} "${box.id || box.textContent?.trim().slice(0, 40)}" holds ${box.scrollWidth}px in ${box.clientWidth}px`);
      }
    }
    return problems;
  });
}

test('a member answers, resolves a conflict and completes its self-evaluation', async ({ page, signInAs, checkA11y }) => {
  test.setTimeout(180_000);
  await signInAs('member');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zelfevaluatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zelfevaluatie' })).toBeVisible();
  const start = page.getByRole('button', { name: 'Zelfevaluatie starten' });
  if (await start.isVisible()) {
    await checkA11y('/zelfevaluatie without a self-evaluation');
    await start.click();
  }
  const vm1 = page.locator('#norm-VM1');
  await expect(vm1).toContainText('VM1');
  await expect(page.locator('article.norm-answer')).toHaveCount(49);
  await expect(page.getByText('Vakmanschap: 0 van 15 beantwoord')).toBeVisible();

  // A verdict is saved at once, the explanation after a pause; the progress follows.
  await vm1.getByRole('radio', { name: '+ voldoet' }).check();
  await expect(vm1.getByText('Opgeslagen')).toBeVisible();
  await expect(page.getByText('Vakmanschap: 1 van 15 beantwoord')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Vakmanschap: 1 van 15 beantwoord' })).toBeVisible();
  await vm1.getByLabel('Toelichting bij VM1').fill('Wij bespreken casuïstiek elke maand in het team.');
  await expect(vm1.getByText('Opgeslagen')).toBeVisible();
  await checkA11y('/zelfevaluatie with answers');

  // Another tab saves VM1 in between: the next autosave gets 409 and both texts are offered.
  const before = (await newest(page.request)).answers.find((a) => a.norm === 'VM1')!;
  expect(before.explanation).toBe('Wij bespreken casuïstiek elke maand in het team.');
  const token = await csrf(page.request);
  const other = await page.request.put(`/api/v1/self-evaluations/${(await newest(page.request)).id}/answers/VM1`, {
    data: { verdict: '+/-', explanation: 'Tekst uit een ander tabblad.', version: before.version },
    headers: { 'X-CSRF-Token': token },
  });
  expect(other.status()).toBe(200);
  await vm1.getByLabel('Toelichting bij VM1').fill('Mijn nieuwe tekst, die niet verloren mag gaan.');
  const conflict = vm1.getByRole('alert');
  await expect(conflict).toContainText('Iemand anders heeft dit antwoord intussen opgeslagen');
  await expect(conflict.getByRole('region', { name: 'Uw tekst' })).toContainText('Mijn nieuwe tekst, die niet verloren mag gaan.');
  await expect(conflict.getByRole('region', { name: 'Opgeslagen tekst' })).toContainText('Tekst uit een ander tabblad.');
  await expect(conflict.getByRole('region', { name: 'Opgeslagen tekst' })).toContainText('Oordeel: +/- deels');
  await checkA11y('/zelfevaluatie with a conflict');
  await page.setViewportSize({ width: 390, height: 844 });
  await vm1.scrollIntoViewIfNeeded();
  expect(await overflows(page), '/zelfevaluatie with a conflict at 390 px').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await conflict.getByRole('button', { name: 'Mijn tekst opslaan' }).click();
  await expect(vm1.getByText('Opgeslagen')).toBeVisible();
  await expect(vm1.getByRole('alert')).toHaveCount(0);
  const kept = (await newest(page.request)).answers.find((a) => a.norm === 'VM1')!;
  expect(kept.explanation).toBe('Mijn nieuwe tekst, die niet verloren mag gaan.');
  expect(kept.version).toBe(before.version + 2);

  // Evidence: a PDF is uploaded for VM1 with the keyboard-usable file control and listed with a
  // download link; a web page named .pdf is refused with the server's Dutch reason.
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
      'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
  await vm1.getByLabel('Bestand toevoegen bij VM1').setInputFiles({ name: 'Werkoverleg.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(vm1.getByText('Werkoverleg.pdf is toegevoegd.')).toBeVisible();
  const link = vm1.getByRole('link', { name: 'Werkoverleg.pdf downloaden' });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', /^\/api\/v1\/documents\/\d+$/);
  await expect(vm1.getByText('Opgeslagen')).toBeVisible();
  const withEvidence = (await newest(page.request)).answers.find((a) => a.norm === 'VM1')! as Answer & {
    evidence: { filename: string }[];
  };
  expect(withEvidence.evidence.map((d) => d.filename)).toEqual(['Werkoverleg.pdf']);
  await vm1.getByLabel('Bestand toevoegen bij VM1').setInputFiles({
    name: 'Jaarverslag.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n'),
  });
  await expect(vm1.getByRole('alert')).toContainText('Dit bestandstype wordt niet aanvaard: text/html. Toegestaan: PDF');
  await expect(vm1.getByRole('link', { name: /downloaden$/ })).toHaveCount(1);
  await checkA11y('/zelfevaluatie with evidence and a refused upload');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflows(page), '/zelfevaluatie with evidence at 390 px').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Completing with open norms is refused, naming them; the message takes the focus.
  await page.getByRole('button', { name: 'Afronden' }).click();
  const refusal = page.locator('.self-evaluation__summary').getByRole('alert');
  await expect(refusal).toContainText('Nog open: VM2');
  await expect(refusal).toBeFocused();

  // The other 48 norms are answered (through the API, to keep the test short), then it completes.
  const current = await newest(page.request);
  for (const answer of current.answers.filter((a) => a.norm !== 'VM1')) {
    const res = await page.request.put(`/api/v1/self-evaluations/${current.id}/answers/${answer.norm}`, {
      data: { verdict: '+', explanation: `Toelichting ${answer.norm}`, version: answer.version },
      headers: { 'X-CSRF-Token': token },
    });
    expect(res.status()).toBe(200);
  }
  await page.reload();
  await expect(page.getByText('49 van 49 normen hebben een oordeel.')).toBeVisible();
  await page.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByText(/^Afgerond op /)).toBeVisible();
  await expect(page.getByText('Deze zelfevaluatie is afgerond; de antwoorden zijn alleen te lezen.')).toBeVisible();
  await expect(vm1.getByRole('radio', { name: '+/- deels' })).toBeDisabled();
  await expect(vm1.getByLabel('Toelichting bij VM1')).toHaveAttribute('readonly', '');
  await checkA11y('/zelfevaluatie completed');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflows(page), '/zelfevaluatie completed at 390 px').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Feedback: the member hands the completed one to a CI, seeing its fee; the page then says so.
  const feedback = page.getByRole('region', { name: 'Feedback van een certificerende instelling (optioneel, betaald)' });
  const toets = feedback.getByRole('radio', { name: 'CI Toetsbureau: € 500–€ 750 excl. btw en reiskosten' });
  await toets.check();
  await feedback.getByRole('button', { name: 'Feedback vragen' }).click();
  await expect(feedback).toContainText(/Voorgelegd aan CI Toetsbureau op \d+ \w+ \d{4}\./);
  await expect(vm1).toContainText('Feedback van CI Toetsbureau');
  await expect(vm1).toContainText('Nog geen feedback bij deze norm.');
  await checkA11y('/zelfevaluatie handed to a CI');

  // A new one carries the answers over, each "te bevestigen"; "Bevestigen" saves VM1 as it is.
  await page.getByRole('radio', { name: /^Met de antwoorden van de zelfevaluatie afgerond op / }).check();
  await page.getByRole('button', { name: 'Nieuwe zelfevaluatie starten' }).click();
  await expect(page.getByText(/^Afgerond op /)).toHaveCount(0);
  await expect(vm1.getByText('te bevestigen', { exact: true })).toBeVisible();
  await expect(vm1.getByLabel('Toelichting bij VM1')).toHaveValue('Mijn nieuwe tekst, die niet verloren mag gaan.');
  await expect(vm1.getByRole('link', { name: 'Werkoverleg.pdf downloaden' })).toBeVisible();
  await checkA11y('/zelfevaluatie carried over');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflows(page), '/zelfevaluatie carried over at 390 px').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await vm1.getByRole('button', { name: 'Bevestigen VM1' }).click();
  await expect(vm1.getByText('Opgeslagen')).toBeVisible();
  await expect(vm1.getByText('te bevestigen', { exact: true })).toHaveCount(0);
  const confirmed = (await newest(page.request)).answers as (Answer & { to_confirm: boolean })[];
  expect(confirmed.find((a) => a.norm === 'VM1')!.to_confirm).toBe(false);
  expect(confirmed.find((a) => a.norm === 'VM2')!.to_confirm).toBe(true);
  await page.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.locator('.self-evaluation__summary').getByRole('alert')).toContainText(
    'Bevestig eerst de overgenomen antwoorden. Nog te bevestigen: VM2',
  );
});

// Follows the test above, which handed WijkKracht's completed self-evaluation to CI Toetsbureau.
test('the CI reads a self-evaluation handed to it and gives feedback per norm', async ({ page, signInAs, checkA11y }) => {
  await signInAs('ci-admin');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Feedback zelfevaluaties' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feedback op zelfevaluaties' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Zelfevaluatie van Stichting WijkKracht/ })).toBeVisible();
  const vm1 = page.locator('#norm-VM1');
  await expect(vm1.getByLabel('Toelichting bij VM1')).toHaveValue('Mijn nieuwe tekst, die niet verloren mag gaan.');
  await expect(vm1.getByLabel('Toelichting bij VM1')).toHaveAttribute('readonly', '');
  await expect(vm1.getByRole('link', { name: 'Werkoverleg.pdf downloaden' })).toBeVisible();
  await expect(vm1.getByLabel('Bestand toevoegen bij VM1')).toHaveCount(0);
  await vm1.getByLabel('Feedback bij VM1').fill('Leg vast hoe het team de casuïstiek bespreekt.');
  await expect(vm1.getByText('Opgeslagen')).toBeVisible();
  await checkA11y('/zelfevaluatie-feedback');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflows(page), '/zelfevaluatie-feedback at 390 px').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(page.locator('#norm-VM1').getByLabel('Feedback bij VM1')).toHaveValue('Leg vast hoe het team de casuïstiek bespreekt.');
});

test('only members open the self-evaluation', async ({ page, signInAs }) => {
  await signInAs('secretariat');
  await page.goto('/zelfevaluatie');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zelfevaluatie' })).toHaveCount(0);
});

test('a member finds the self-evaluation from its home page; other roles get no such link', async ({ page, signInAs }) => {
  await signInAs('member');
  await page.goto('/');
  await page.getByRole('link', { name: 'Zelfevaluatie invullen' }).click();
  await expect(page).toHaveURL(/\/zelfevaluatie$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Zelfevaluatie' })).toBeVisible();
});

test('the CI admin has no self-evaluation link on its home page', async ({ page, signInAs }) => {
  await signInAs('ci-admin');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zelfevaluatie invullen' })).toHaveCount(0);
});
