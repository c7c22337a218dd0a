// Certificates and the public register over HTTP (issue 11, LIFECYCLE.md §2 "check" and
// "certificate", §3): the demo's WijkKracht trajectory from its final findings through Part A
// received, the secretariat's check (incomplete: returned to the CI, which completes Part A and
// resubmits it), receipt confirmed and the certificate issued; then the certificate in the public
// register without login, its PDF read back (pdftotext) and its QR code decoded (zbarimg) to the
// signed verification URL, which `sterklabel verify-certificate` accepts and refuses once any
// field is changed; reissue and withdrawal by the secretariat only. Runs on SQLite, and on
// PostgreSQL in api_tests_pg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, loggedIn, startServer, USERS } from './server.mjs';
import { localDate, parties, record, recorded, toFinalFindings } from './flow.mjs';

function partAValue(field) {
  if (field.kind === 'list') return [`Punt bij ${field.key}`];
  if (field.kind === 'hours') return '16';
  return `Tekst bij ${field.key}`;
}

async function pdfFile(url, client, number) {
  const res = await fetch(`${url}/api/v1/certificates/${number}.pdf`,
    { headers: { cookie: `sterk_session=${client.cookie}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'sterk-cert-'));
  const file = join(dir, 'certificaat.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return { dir, file };
}

function verify(payload, key) {
  return spawnSync(binary(), ['verify-certificate', payload, '--public-key', key], { encoding: 'utf8' });
}

test('from part_a_received, returned once to the CI, to a certificate in the public register', async () => {
  const server = await startServer();
  try {
    const c = await parties(server.url, ['member', 'ciAdmin', 'auditor', 'assessor', 'secretariat', 'committee',
      'otherMember']);
    // The demo's request was stored before scopes were kept: the member asks again, with its scope
    // (the certificate prints it).
    const demo = (await c.member.get('/api/v1/trajectories')).data.trajectories.find((t) => t.state === 'requested');
    await recorded(c.member, demo.id, 'trajectory_withdrawn', { reason: 'opnieuw aanvragen met de scope' });
    const ci = (await c.member.get('/api/v1/cis')).data.cis.find((x) => x.name === 'CI Toetsbureau');
    const requested = await c.member.post('/api/v1/trajectories', {
      ci_id: ci.id, variant: 'ci', self_evaluation_completed_on: localDate(-20),
      fte: { professionals_employed: 30, management_support: 4 }, scope: { whole: false, werksoorten: ['jongerenwerk', 'buurtbemiddeling'] },
    });
    assert.equal(requested.status, 201, requested.text);
    const id = await toFinalFindings(c, () => '+', requested.data.id);
    await recorded(c.auditor, id, 'positive_advice');
    await recorded(c.ciAdmin, id, 'part_a_received');

    // The check: Part A was never filled in, so it is incomplete and receipt cannot be confirmed.
    const check = await c.secretariat.get(`/api/v1/trajectories/${id}/part-a-check`);
    assert.equal(check.status, 200, check.text);
    assert.equal(check.data.complete, false);
    assert.deepEqual(check.data.items.map((i) => i.key), ['fields', 'verdicts', 'plans', 'ci_and_team']);
    const fields = check.data.items.find((i) => i.key === 'fields');
    assert.equal(fields.ok, false);
    assert.ok(fields.problems.some((p) => p.includes('niet ingevuld')), fields.problems.join('\n'));
    assert.equal(check.data.items.find((i) => i.key === 'verdicts').ok, true,
      check.data.items.find((i) => i.key === 'verdicts').problems.join('\n'));
    assert.equal((await c.ciAdmin.get(`/api/v1/trajectories/${id}/part-a-check`)).status, 200);
    for (const who of ['member', 'auditor', 'committee']) {
      assert.equal((await c[who].get(`/api/v1/trajectories/${id}/part-a-check`)).status, 403, who);
    }
    const refused = await record(c.secretariat, id, 'receipt_confirmed');
    assert.equal(refused.status, 409, refused.text);
    assert.equal(refused.data.field, 'part_a');

    // Returned to the CI with the checklist's remarks (required); the CI completes Part A and resubmits it.
    const silent = await record(c.secretariat, id, 'part_a_found_incomplete', { reason: '  ' });
    assert.equal(silent.status, 400, silent.text);
    assert.equal(silent.data.field, 'reason');
    await recorded(c.secretariat, id, 'part_a_found_incomplete', { reason: check.data.remarks.join(' ') });
    await recorded(c.secretariat, id, 'part_a_returned');
    const partA = (await c.auditor.get(`/api/v1/trajectories/${id}/part-a`)).data;
    assert.equal(partA.editable, true, 'Part A is open to the CI again once returned');
    for (const field of partA.fields) {
      const saved = await c.auditor.put(`/api/v1/trajectories/${id}/part-a/${field.key}`,
        { version: field.version, value: partAValue(field) });
      assert.equal(saved.status, 200, `${field.key}: ${saved.text}`);
    }
    await recorded(c.ciAdmin, id, 'part_a_resubmitted');
    assert.equal((await c.auditor.get(`/api/v1/trajectories/${id}/part-a`)).data.editable, false);
    const again = await c.secretariat.get(`/api/v1/trajectories/${id}/part-a-check`);
    assert.equal(again.data.complete, true, again.data.remarks.join('\n'));
    await recorded(c.secretariat, id, 'receipt_confirmed');

    // Issuing is the secretariat's: the member, the CI and the committee cannot.
    for (const who of ['member', 'ciAdmin', 'committee']) {
      const res = await record(c[who], id, 'certificate_issued');
      assert.equal(res.status, 403, `${who}: ${res.text}`);
    }
    const issued = await recorded(c.secretariat, id, 'certificate_issued');
    const year = localDate().slice(0, 4);
    const number = issued.certificate.number;
    assert.match(number, new RegExp(`^SSW-${year}-\\d{4}$`));
    assert.equal(issued.certificate.valid_from, localDate());

    // The public register, without login: found by accent- and case-insensitive words.
    const anonymous = (path) => fetch(server.url + path);
    for (const q of ['wijkkracht', 'WÍJKKRÁCHT', number]) {
      const res = await anonymous(`/api/v1/register?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      const body = await res.json();
      const entry = body.entries.find((e) => e.certificate.number === number);
      assert.ok(entry, `${q}: ${JSON.stringify(body)}`);
      assert.equal(entry.member, 'Stichting WijkKracht');
      assert.equal(entry.certificate.status, 'valid');
      assert.equal(entry.certificate.valid_through, issued.certificate.valid_through);
    }
    const none = await (await anonymous('/api/v1/register?q=bestaat-niet-xyz')).json();
    assert.deepEqual(none.entries, []);
    const csv = await anonymous('/api/v1/register.csv');
    assert.equal(csv.status, 200);
    const csvText = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    assert.ok(csvText.startsWith('\uFEFFNaam;Plaats;KvK-nummer;Lidnummer;Scope;Certificaatnummer;Status;'), csvText);
    assert.ok(csvText.includes(`;${number};geldig;`), csvText);
    const verification = await anonymous(`/api/v1/register/certificates/${number}`);
    assert.equal(verification.status, 200);
    const v = await verification.json();
    assert.equal(v.status, 'valid');
    assert.equal(v.member, 'Stichting WijkKracht');
    assert.equal(v.expires, issued.certificate.expires);
    assert.ok(v.history.some((h) => h.number === number));
    assert.equal((await anonymous('/api/v1/register/certificates/SSW-1999-0001')).status, 404);
    const keyRes = await anonymous('/api/v1/register/public-key');
    assert.equal(keyRes.status, 200);
    const key = (await keyRes.json()).public_key;
    assert.equal(Buffer.from(key, 'base64').length, 32);

    // The PDF: its text and its QR code, for the member, the CI and the committee; nobody else.
    const { dir, file } = await pdfFile(server.url, c.member, number);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    for (const expected of [number, 'Stichting WijkKracht', 'Kwaliteitslabel Sterk Sociaal Werk', issued.certificate.valid_from,
      issued.certificate.valid_through, issued.certificate.expires, v.scope]) {
      assert.ok(text.includes(expected), `${expected} not in:\n${text}`);
    }
    assert.equal(v.scope, 'Werksoorten: jongerenwerk, buurtbemiddeling');
    const pages = execFileSync('pdfinfo', [file]).toString();
    assert.match(pages, /Pages:\s+1\b/);
    assert.match(pages, /595\.\d* x 841\.\d* pts \(A4\)/);
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'));
    const scanned = execFileSync('zbarimg', ['--raw', '-q', join(dir, png)]).toString().trim();
    // The server's base URL (here http://localhost:PORT) with the register page of the certificate.
    assert.equal(new URL(scanned).port, new URL(server.url).port, scanned);
    assert.equal(new URL(scanned).pathname, `/register/${number}`, scanned);
    assert.deepEqual([...new URL(scanned).searchParams.keys()], ['member', 'scope', 'from', 'through', 'expires', 'sig']);
    const ok = verify(scanned, key);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /ECHT/);
    const url = new URL(scanned);
    for (const [name, value] of [['member', 'Stichting Nep'], ['scope', 'De hele organisatie en meer'],
      ['from', '2020-01-01'], ['through', '2099-12-31'], ['expires', '2100-01-01']]) {
      const forged = new URL(url);
      forged.searchParams.set(name, value);
      const res = verify(forged.toString(), key);
      assert.equal(res.status, 1, `${name}: ${res.stdout}${res.stderr}`);
      assert.match(res.stdout, /ONGELDIG/);
    }
    const renumbered = scanned.replace(`/register/${number}?`, `/register/SSW-${year}-9999?`);
    assert.notEqual(renumbered, scanned);
    assert.equal(verify(renumbered, key).status, 1);
    assert.equal(verify('geen-url', key).status, 2);
    for (const who of ['ciAdmin', 'committee', 'secretariat']) {
      const res = await c[who].get(`/api/v1/certificates/${number}.pdf`);
      assert.equal(res.status, 200, who);
    }
    assert.equal((await c.otherMember.get(`/api/v1/certificates/${number}.pdf`)).status, 404);
    assert.equal((await c.auditor.get(`/api/v1/certificates/${number}.pdf`)).status, 403);
    assert.equal((await anonymous(`/api/v1/certificates/${number}.pdf`)).status, 401);

    // Reissue and withdrawal: the secretariat's only.
    for (const who of ['member', 'ciAdmin', 'committee']) {
      assert.equal((await c[who].post(`/api/v1/certificates/${number}/reissue`, { reason: 'x', scope: 'y' })).status,
        403, who);
      assert.equal((await c[who].post(`/api/v1/certificates/${number}/withdraw`, { reason: 'x' })).status, 403, who);
    }
    const noReason = await c.secretariat.post(`/api/v1/certificates/${number}/reissue`, { scope: 'Jongerenwerk' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.data.field, 'reason');
    const reissued = await c.secretariat.post(`/api/v1/certificates/${number}/reissue`,
      { scope: 'Werksoorten: jongerenwerk en buurtbemiddeling', reason: 'Scope verkeerd gedrukt' });
    assert.equal(reissued.status, 201, reissued.text);
    assert.notEqual(reissued.data.number, number);
    assert.equal(reissued.data.supersedes, number);
    assert.equal(reissued.data.valid_through, issued.certificate.valid_through);
    const old = await (await anonymous(`/api/v1/register/certificates/${number}`)).json();
    assert.equal(old.status, 'superseded');
    assert.equal(old.superseded_by, reissued.data.number);
    const twice = await c.secretariat.post(`/api/v1/certificates/${number}/withdraw`, { reason: 'nogmaals' });
    assert.equal(twice.status, 409);
    const withdrawNoReason = await c.secretariat.post(`/api/v1/certificates/${reissued.data.number}/withdraw`, {});
    assert.equal(withdrawNoReason.status, 400);
    assert.equal(withdrawNoReason.data.field, 'reason');
    const withdrawn = await c.secretariat.post(`/api/v1/certificates/${reissued.data.number}/withdraw`,
      { reason: 'Het logo werd buiten de scope gebruikt.' });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    const gone = await (await anonymous(`/api/v1/register?q=wijkkracht`)).json();
    // Neither the withdrawn one nor the one it superseded is listed (the demo's own WijkKracht certificate may be).
    assert.ok(!gone.entries.some((e) => [number, reissued.data.number].includes(e.certificate.number)), JSON.stringify(gone));
    const after = await (await anonymous(`/api/v1/register/certificates/${reissued.data.number}`)).json();
    assert.equal(after.status, 'withdrawn');
    assert.equal(after.status_since, localDate());
    assert.equal(after.reason, 'Het logo werd buiten de scope gebruikt.');
    // Newest first; the demo's earlier WijkKracht certificate follows.
    assert.deepEqual(after.history.map((h) => h.number).slice(0, 2), [reissued.data.number, number]);
    // An old PDF still verifies (the signature is the register's) but the register says withdrawn.
    assert.equal(verify(scanned, key).status, 0);
    // The member, its CI and the committee are told of the reissue and the withdrawal, in Dutch,
    // with the new number and the public reason; the secretariat that made them is not.
    const mails = (await c.secretariat.get('/api/v1/outbox')).data.messages;
    const told = (kind) => mails.filter((m) => m.kind === kind).map((m) => m.recipient).sort();
    const parties3 = [USERS.member, USERS.ciAdmin, USERS.committee].sort();
    assert.deepEqual(told('certificate.reissued'), parties3);
    assert.deepEqual(told('certificate.withdrawn'), parties3);
    const mine = async (who, kind) =>
      (await c[who].get('/api/v1/me/notifications')).data.notifications.find((m) => m.kind === kind);
    const reissueMail = await mine('member', 'certificate.reissued');
    assert.match(reissueMail.subject, new RegExp(`${number} opnieuw uitgegeven als ${reissued.data.number}`));
    assert.match(reissueMail.body, /Scope verkeerd gedrukt/);
    const withdrawMail = await mine('committee', 'certificate.withdrawn');
    assert.match(withdrawMail.body, /Reden: Het logo werd buiten de scope gebruikt\./);
    assert.equal(withdrawMail.link, `/register/${reissued.data.number}`);
    const log = (await c.secretariat.get('/api/v1/audit-log?limit=20')).data.entries.map((e) => e.action);
    for (const action of ['certificate.issue', 'certificate.reissue', 'certificate.withdraw']) {
      assert.ok(log.includes(action), `${action} in ${log}`);
    }
  } finally {
    await server.stop();
  }
});

test('the register answers without login and refuses overlong searches', async () => {
  const server = await startServer();
  try {
    const res = await fetch(`${server.url}/api/v1/register`);
    assert.equal(res.status, 200);
    assert.ok(Array.isArray((await res.json()).entries));
    const long = await fetch(`${server.url}/api/v1/register?q=${'a'.repeat(201)}`);
    assert.equal(long.status, 400);
    assert.equal((await long.json()).field, 'q');
    const one = await loggedIn(server.url, USERS.member);
    assert.equal((await one.get('/api/v1/register')).status, 200);
  } finally {
    await server.stop();
  }
});
