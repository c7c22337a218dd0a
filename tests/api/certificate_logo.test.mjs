// The label's logo (issue 11 §2): while its certificate is valid the member downloads it with the
// year of certification, as SVG and as PNG; a suspended certificate's logo is refused, naming the
// day since which it may no longer be used; only the member itself and the secretariat get it.
// Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startServer } from './server.mjs';
import { parties } from './flow.mjs';

let server;
let c;

before(async () => {
  server = await startServer();
  c = await parties(server.url, ['member', 'otherMember', 'ciAdmin', 'auditor', 'secretariat', 'committee']);
});

after(async () => {
  await server?.stop();
});

async function registerEntry(member) {
  const register = await c.secretariat.get(`/api/v1/register?q=${encodeURIComponent(member)}`);
  assert.equal(register.status, 200, register.text);
  const entry = register.data.entries.find((e) => e.member.includes(member));
  assert.ok(entry, `${member} is in the demo's register`);
  return entry.certificate;
}

async function download(client, path) {
  const res = await fetch(server.url + path, { headers: client.cookie ? { cookie: `sterk_session=${client.cookie}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()) };
}

test('a valid certificate: the member gets the logo with its year as SVG and as PNG', async () => {
  const certificate = await registerEntry('WijkKracht');
  assert.equal(certificate.status, 'valid');
  const full = (await c.member.get(`/api/v1/register/certificates/${certificate.number}`)).data;
  const year = Number(full.valid_from.slice(0, 4));

  const svg = await download(c.member, `/api/v1/certificates/${certificate.number}/logo.svg`);
  assert.equal(svg.status, 200, svg.bytes.toString());
  assert.equal(svg.type, 'image/svg+xml');
  assert.match(svg.disposition, new RegExp(`logo-sterk-sociaal-werk-${year}\\.svg`));
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<\?xml/);
  assert.ok(text.includes(`<title>Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd ${year}</title>`), 'named with its year');
  assert.ok(text.includes(`aria-label="Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd ${year}"`));
  assert.ok((text.match(/<path/g) ?? []).length >= 10, 'the text is drawn as outlines, no font needed');

  const png = await download(c.member, `/api/v1/certificates/${certificate.number}/logo.png`);
  assert.equal(png.status, 200);
  assert.equal(png.type, 'image/png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.equal(png.bytes.toString('ascii', 12, 16), 'IHDR');
  assert.equal(png.bytes.readUInt32BE(16), 1200, 'width');
  assert.equal(png.bytes.readUInt32BE(20), 1200, 'height');
  assert.ok(png.bytes.length > 5000, 'a drawn badge, not an empty image');

  // The secretariat, which sends the logo with the certificate, gets the same file.
  const again = await download(c.secretariat, `/api/v1/certificates/${certificate.number}/logo.svg`);
  assert.equal(again.status, 200);
  assert.ok(again.bytes.toString('utf8').includes(`<title>Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd ${year}</title>`));
});

test('the logo is the member\'s own: another member, the CI, the committee and anyone without login get nothing', async () => {
  const { number } = await registerEntry('WijkKracht');
  const path = `/api/v1/certificates/${number}/logo.png`;
  assert.equal((await download(c.otherMember, path)).status, 404);
  assert.equal((await download(c.ciAdmin, path)).status, 403);
  assert.equal((await download(c.auditor, path)).status, 403);
  assert.equal((await download(c.committee, path)).status, 403);
  assert.equal((await download(new Client(server.url), path)).status, 401);
  assert.equal((await download(c.member, '/api/v1/certificates/SSW-2026-9999/logo.svg')).status, 404);
});

test('a suspended certificate: the logo is refused, naming since when it may not be used', async () => {
  const certificate = await registerEntry('Welzijn Samen');
  assert.equal(certificate.status, 'suspended');
  const full = (await c.secretariat.get(`/api/v1/register/certificates/${certificate.number}`)).data;
  const [y, m, d] = full.status_since.split('-').map(Number);
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
    'november', 'december'];
  const since = `${d} ${months[m - 1]} ${y}`;
  for (const client of [c.otherMember, c.secretariat]) {
    const refused = await client.get(`/api/v1/certificates/${certificate.number}/logo.svg`);
    assert.equal(refused.status, 409, refused.text);
    assert.ok(refused.data.message.includes(`is geschorst sinds`), refused.data.message);
    assert.ok(refused.data.message.includes(`${since}. Sinds die dag mag het logo van het label niet meer gebruikt worden.`),
      refused.data.message);
  }
});
