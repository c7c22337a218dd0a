// The secretariat manages users (invite, change role, deactivate and reactivate, send a new link),
// every step audited; GET /api/v1/session answers 200 when nobody is signed in; a link's token is
// checked without using it; malformed e-mail addresses are refused before anything is counted.
// The server runs in demo mode without SMTP, so its mails (with their links) go to its log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, Client, loggedIn, USERS } from './server.mjs';

let server;
let secretariat;
let orgs = {};

before(async () => {
  server = await startServer();
  secretariat = await loggedIn(server.url, USERS.secretariat);
  const list = await secretariat.get('/api/v1/organisations');
  for (const org of list.data.organisations) {
    if (org.name === 'Stichting WijkKracht') orgs.wijkkracht = org.id;
    if (org.name === 'CI Toetsbureau') orgs.ci = org.id;
  }
});

after(async () => {
  const result = await server.stop();
  assert.equal(result.code, 0);
});

// linkFor: the newest link mailed to `email`, read from the demo server's log.
async function linkFor(email, { after: previous = null, timeoutMs = 5000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = server.logText();
    const blocks = log.split('----- Aan: ').slice(1).filter((block) => block.startsWith(email));
    const links = blocks.map((block) => block.match(/(http:\/\/\S+\/wachtwoord-herstellen\?token=[A-Za-z0-9_-]+)/)?.[1]);
    const newest = links.at(-1);
    if (newest && newest !== previous) return newest;
    if (Date.now() > deadline) throw new Error(`no (new) link for ${email} in the server log:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function auditActions() {
  const res = await secretariat.get('/api/v1/audit-log?limit=500');
  assert.equal(res.status, 200);
  return res.data.entries;
}

test('GET /api/v1/session: 200 with user null when signed out, the /me answer when signed in', async () => {
  const anonymous = new Client(server.url);
  const out = await anonymous.get('/api/v1/session');
  assert.equal(out.status, 200);
  assert.deepEqual(out.data, { user: null });
  // A stale cookie is no error either.
  anonymous.cookie = 'verlopen-of-verzonnen';
  assert.equal((await anonymous.get('/api/v1/session')).status, 200);

  const member = await loggedIn(server.url, USERS.member);
  const signedIn = await member.get('/api/v1/session');
  assert.equal(signedIn.status, 200);
  assert.equal(signedIn.data.user.email, USERS.member);
  assert.equal(signedIn.data.user.status, 'active');
  assert.equal(signedIn.data.organisation.name, 'Stichting WijkKracht');
  assert.equal(signedIn.data.csrf_token, member.csrf);
  assert.deepEqual(signedIn.data, (await member.get('/api/v1/me')).data);
  // /me is unchanged for older clients.
  assert.equal((await new Client(server.url).get('/api/v1/me')).status, 401);
});

test('a malformed e-mail address: 400 naming the field, not a failed login, no reset request', async () => {
  const client = new Client(server.url);
  for (let i = 0; i < 7; i += 1) {
    const res = await client.post('/api/v1/session', { email: 'geen-email', password: 'wat-dan-ook' });
    assert.equal(res.status, 400, 'never 429: nothing is counted');
    assert.equal(res.data.field, 'email');
    assert.equal(res.data.message, 'Vul een geldig e-mailadres in.');
  }
  const reset = await client.post('/api/v1/password-reset', { email: 'geen-email' });
  assert.equal(reset.status, 400);
  assert.equal(reset.data.field, 'email');
  assert.equal(reset.data.message, 'Vul een geldig e-mailadres in.');
  const entries = await auditActions();
  assert.equal(entries.filter((e) => e.actor_email === 'geen-email').length, 0, 'nothing audited for a non-address');
});

test('invite → the link is checked without using it → first password → login; audited', async () => {
  const invited = await secretariat.post('/api/v1/users', {
    email: ' Nina@WijkKracht.example',
    name: 'Nina Nieuw',
    role: 'member',
    organisation_id: orgs.wijkkracht,
  });
  assert.equal(invited.status, 201, invited.text);
  assert.equal(invited.data.email, 'nina@wijkkracht.example');
  assert.equal(invited.data.status, 'invited');
  assert.equal(invited.data.organisation_id, orgs.wijkkracht);

  const link = await linkFor('nina@wijkkracht.example');
  const token = new URL(link).searchParams.get('token');
  const anonymous = new Client(server.url);
  for (let i = 0; i < 2; i += 1) {
    const check = await anonymous.get(`/api/v1/password-reset/check?token=${encodeURIComponent(token)}`);
    assert.equal(check.status, 200, 'checking does not use the token up');
    assert.deepEqual(check.data, { valid: true, purpose: 'invitation' });
  }
  assert.equal((await anonymous.post('/api/v1/session', { email: 'nina@wijkkracht.example', password: 'nog-geen-wachtwoord' })).status, 401);
  const confirm = await anonymous.post('/api/v1/password-reset/confirm', { token, password: 'ninas-eerste-wachtwoord' });
  assert.equal(confirm.status, 204, confirm.text);
  const used = await anonymous.get(`/api/v1/password-reset/check?token=${encodeURIComponent(token)}`);
  assert.equal(used.status, 200);
  assert.equal(used.data.valid, false);
  const nina = await loggedIn(server.url, 'nina@wijkkracht.example', 'ninas-eerste-wachtwoord');
  assert.equal((await nina.get('/api/v1/session')).data.user.status, 'active');

  const again = await secretariat.post('/api/v1/users', { email: 'nina@wijkkracht.example', role: 'committee' });
  assert.equal(again.status, 409);
  assert.equal(again.data.field, 'email');
  const misfit = await secretariat.post('/api/v1/users', { email: 'x@wijkkracht.example', role: 'ci-admin', organisation_id: orgs.wijkkracht });
  assert.equal(misfit.status, 400);
  assert.equal(misfit.data.field, 'organisation_id');
  const badRole = await secretariat.post('/api/v1/users', { email: 'y@wijkkracht.example', role: 'baas' });
  assert.equal(badRole.status, 400);
  assert.equal(badRole.data.field, 'role');
  const badAddress = await secretariat.post('/api/v1/users', { email: 'geen-email', role: 'committee' });
  assert.equal(badAddress.status, 400);
  assert.equal(badAddress.data.field, 'email');

  const entry = (await auditActions()).find((e) => e.action === 'user.invite');
  assert.ok(entry, 'user.invite audited');
  assert.equal(entry.actor_email, USERS.secretariat);
  assert.equal(entry.subject, `user:${invited.data.id}`);
});

test('deactivate: no login, its sessions end; reactivate: login again; never oneself; audited', async () => {
  const target = await loggedIn(server.url, USERS.assessor);
  const users = (await secretariat.get('/api/v1/users')).data.users;
  const assessor = users.find((u) => u.email === USERS.assessor);
  const self = users.find((u) => u.email === USERS.secretariat);

  const off = await secretariat.post(`/api/v1/users/${assessor.id}/deactivate`);
  assert.equal(off.status, 200, off.text);
  assert.equal(off.data.status, 'deactivated');
  assert.equal((await target.get('/api/v1/me')).status, 401, 'the open session ended');
  assert.equal((await new Client(server.url).login(USERS.assessor)).status, 401);
  assert.equal((await secretariat.post(`/api/v1/users/${assessor.id}/deactivate`)).status, 409);
  assert.equal((await secretariat.post(`/api/v1/users/${assessor.id}/link`)).status, 409);
  const listed = (await secretariat.get('/api/v1/users')).data.users.find((u) => u.id === assessor.id);
  assert.equal(listed.status, 'deactivated');

  const on = await secretariat.post(`/api/v1/users/${assessor.id}/activate`);
  assert.equal(on.status, 200, on.text);
  assert.equal(on.data.status, 'active');
  assert.equal((await new Client(server.url).login(USERS.assessor)).status, 200);

  const selfOff = await secretariat.post(`/api/v1/users/${self.id}/deactivate`);
  assert.equal(selfOff.status, 409);
  assert.equal(selfOff.data.code, 'failed_precondition');
  assert.equal((await secretariat.post('/api/v1/users/987654/deactivate')).status, 404);
  const badId = await secretariat.post('/api/v1/users/abc/deactivate');
  assert.equal(badId.status, 400);
  assert.equal(badId.data.field, 'id');

  const actions = (await auditActions()).map((e) => e.action);
  assert.ok(actions.includes('user.deactivate'));
  assert.ok(actions.includes('user.activate'));
});

test('change role with a fitting organisation; not one\'s own; audited', async () => {
  const users = (await secretariat.get('/api/v1/users')).data.users;
  const other = users.find((u) => u.email === USERS.otherMember);
  const self = users.find((u) => u.email === USERS.secretariat);
  const changed = await secretariat.request('PUT', `/api/v1/users/${other.id}/role`, { json: { role: 'committee', organisation_id: null } });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.role, 'committee');
  assert.equal(changed.data.organisation_id, null);
  const needsOrg = await secretariat.request('PUT', `/api/v1/users/${other.id}/role`, { json: { role: 'auditor' } });
  assert.equal(needsOrg.status, 400);
  assert.equal(needsOrg.data.field, 'organisation_id');
  const auditor = await secretariat.request('PUT', `/api/v1/users/${other.id}/role`, { json: { role: 'auditor', organisation_id: orgs.ci } });
  assert.equal(auditor.status, 200);
  const own = await secretariat.request('PUT', `/api/v1/users/${self.id}/role`, { json: { role: 'committee' } });
  assert.equal(own.status, 409);
  const unknown = await secretariat.request('PUT', `/api/v1/users/${other.id}/role`, { json: { role: 'auditor', organisation_id: orgs.ci, extra: 1 } });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.data.field, 'extra');
  const entry = (await auditActions()).find((e) => e.action === 'user.role');
  assert.ok(entry);
  assert.equal(entry.subject, `user:${other.id}`);
});

test('a new link: a reset link for an account with a password; audited', async () => {
  const users = (await secretariat.get('/api/v1/users')).data.users;
  const committee = users.find((u) => u.email === USERS.committee);
  const sent = await secretariat.post(`/api/v1/users/${committee.id}/link`);
  assert.equal(sent.status, 202, sent.text);
  const link = await linkFor(USERS.committee);
  const check = await new Client(server.url).get(`/api/v1/password-reset/check?token=${new URL(link).searchParams.get('token')}`);
  assert.deepEqual(check.data, { valid: true, purpose: 'reset' });
  assert.ok((await auditActions()).some((e) => e.action === 'user.link'));
});

test('an unknown or missing token: valid false (an answer, not an error), with the confirm message', async () => {
  const client = new Client(server.url);
  const confirm = await client.post('/api/v1/password-reset/confirm', { token: 'bestaat-niet', password: 'lang-genoeg-wachtwoord' });
  for (const path of ['/api/v1/password-reset/check?token=bestaat-niet', '/api/v1/password-reset/check']) {
    const res = await client.get(path);
    assert.equal(res.status, 200, path);
    assert.deepEqual(res.data, { valid: false, message: confirm.data.message });
  }
  assert.match(confirm.data.message, /ongeldig, al gebruikt of verlopen/);
});

test('demo without SMTP: the log shows the mail with its link and never claims it was sent', async () => {
  const log = server.logText();
  assert.match(log, /e-mail NIET verstuurd/);
  assert.doesNotMatch(log, /e-mail verstuurd/);
  assert.match(log, /wachtwoord-herstellen\?token=/);
  assert.match(server.stdout(), /secretariaat@sociaalwerk\.example {2}rol secretariaat/);
  assert.doesNotMatch(server.stdout(), /rol secretariat\b/);
});

test('the password rule lives in the OpenAPI document and the server enforces that number', async () => {
  const doc = JSON.parse(readFileSync(fileURLToPath(new URL('../../api/openapi.json', import.meta.url)), 'utf8'));
  const min = doc.components.schemas.PasswordResetConfirm.properties.password.minLength;
  assert.equal(typeof min, 'number');
  const users = (await secretariat.get('/api/v1/users')).data.users;
  const member = users.find((u) => u.email === USERS.member);
  await secretariat.post(`/api/v1/users/${member.id}/link`);
  const token = new URL(await linkFor(USERS.member)).searchParams.get('token');
  const client = new Client(server.url);
  const short = await client.post('/api/v1/password-reset/confirm', { token, password: 'x'.repeat(min - 1) });
  assert.equal(short.status, 400);
  assert.equal(short.data.field, 'password');
  assert.match(short.data.message, new RegExp(`minstens ${min} tekens`));
  const exact = await client.post('/api/v1/password-reset/confirm', { token, password: 'y'.repeat(min) });
  assert.equal(exact.status, 204, exact.text);
});

test('every operation in the OpenAPI document has a route on the server', async () => {
  const doc = JSON.parse(readFileSync(fileURLToPath(new URL('../../api/openapi.json', import.meta.url)), 'utf8'));
  const client = new Client(server.url);
  const missing = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      const concrete = path.replace('{id}', '987654').replace('{version}', '1999').replace('{token}', 'onbekend');
      const res = await client.request(method.toUpperCase(), concrete, { json: method === 'get' ? undefined : {} });
      // Unknown routes answer 404 with code not_found and "onbekend adres"-style messages; 405 is a
      // route with another method. Known routes answer anything else (401, 400, 200, ...).
      if (res.status === 405) missing.push(`${method} ${path}: 405`);
      if (res.status === 404 && !['/api/v1/organisations/{id}', '/api/v1/frameworks/{version}', '/api/v1/calendar/{token}.ics', '/api/v1/register/certificates/{number}'].includes(path)) {
        missing.push(`${method} ${path}: 404`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
