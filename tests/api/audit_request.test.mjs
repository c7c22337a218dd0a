// The road to a request over HTTP: the CI registry's tariffs and warnings, the scope calculator's
// estimate from FTE per group, a member's own users, what a request would start from (the
// 12-month rule) and the request with its scope, FTE and preferred period frozen into the log.
// Runs on SQLite, and on PostgreSQL in api_tests_pg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, USERS } from './server.mjs';

let server;
const c = {};
const ids = {};

function localDate(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

before(async () => {
  server = await startServer();
  c.member = await loggedIn(server.url, USERS.member);
  c.ciAdmin = await loggedIn(server.url, USERS.ciAdmin);
  c.secretariat = await loggedIn(server.url, USERS.secretariat);
  for (const org of (await c.secretariat.get('/api/v1/organisations')).data.organisations) {
    if (org.name === 'Stichting WijkKracht') ids.wijkkracht = org.id;
    if (org.name === 'Welzijn Samen') ids.welzijnSamen = org.id;
    if (org.name === 'CI Toetsbureau') ids.ci = org.id;
  }
});

after(async () => {
  await server.stop();
});

test('a CI shows its rates from the tariffs file and is warned before a condition ends', async () => {
  const ci = await c.ciAdmin.get(`/api/v1/cis/${ids.ci}`);
  assert.equal(ci.status, 200, ci.text);
  assert.deepEqual(ci.data.tariff, {
    code: 'CIIO', name: 'CIIO',
    day_rates: [{ valid_from: null, eur: 1175 }, { valid_from: '2022-07-01', eur: 1200 }],
    travel_per_km_eur: 0.45, travel_note: null,
  });
  assert.deepEqual(ci.data.warnings, []);
  const soon = await c.secretariat.post('/api/v1/cis', {
    name: 'Bijna Verlopen', kvk: '11223344', town: 'Ede', iso17021_ea38_until: localDate(29),
    insured_until: '2099-12-31', complaints_procedure: true, tariff_code: 'LRQA',
  });
  assert.equal(soon.status, 201, soon.text);
  assert.equal(soon.data.eligible, true);
  assert.deepEqual(soon.data.warnings,
    [`De accreditatie ISO 17021 (EA-code 38) verloopt over 30 dagen: geldig tot en met ${localDate(29)}.`]);
  assert.equal(soon.data.tariff.travel_note, 'inclusief reistijd en reiskosten');
  assert.equal(soon.data.tariff.travel_per_km_eur, null);
  const none = await c.secretariat.post('/api/v1/cis', {
    name: 'Zonder Tarief', kvk: '11223355', town: 'Ede', hkz_welzijn_until: '2099-12-31',
    insured_until: '2099-12-31', complaints_procedure: true,
  });
  assert.equal(none.status, 201, none.text);
  assert.equal(none.data.tariff, null);
});

test('the estimate computes the scope from FTE per group, says which groups count, and gives every variant', async () => {
  const res = await c.member.get('/api/v1/estimate?variant=ci&group[professionals_employed]=9,5&group[noncritical_volunteers]=40&group[management_support]=1');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.scope.total, 10.5);
  assert.equal(res.data.fte, 10.5);
  assert.equal(res.data.band, '11-20');
  assert.equal(res.data.days, 2.5);
  const lines = Object.fromEntries(res.data.scope.lines.map((l) => [l.key, l]));
  assert.equal(lines.noncritical_volunteers.counts, false);
  assert.equal(lines.noncritical_volunteers.fte, 40);
  assert.match(lines.noncritical_volunteers.explanation, /tellen niet mee/);
  assert.equal(lines.professionals_employed.counts, true);
  assert.equal(lines.critical_interns.fte, 0);
  assert.equal(res.data.scope.lines.length, 7);
  assert.deepEqual(res.data.per_variant.map((v) => [v.variant, v.days]),
    [['peer', 3], ['ci', 2.5], ['combi-iso-hkz', 1.5], ['combi-nvvk', null]]);
  assert.match(res.data.per_variant[3].note, /NVVK/);
  assert.equal(res.data.per_variant[2].on_top_of, 'iso-hkz');
  // Typed with the old total only: no scope, the same per_variant.
  const total = await c.member.get('/api/v1/estimate?fte=10,5&variant=ci');
  assert.equal(total.data.scope, undefined);
  assert.deepEqual(total.data.per_variant.map((v) => v.days), [3, 2.5, 1.5, null]);

  const bad = await c.member.get('/api/v1/estimate?variant=ci&group[professionals_employed]=veel');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'group.professionals_employed');
  assert.match(bad.data.message, /geen getal/);
  const unknown = await c.member.get('/api/v1/estimate?variant=ci&group[stagiairs]=3');
  assert.equal(unknown.status, 400);
  assert.equal(unknown.data.field, 'group.stagiairs');
  const onlyUncounted = await c.member.get('/api/v1/estimate?variant=ci&group[short_interns]=3');
  assert.equal(onlyUncounted.status, 400);
  assert.equal(onlyUncounted.data.field, 'group');
  const negative = await c.member.get('/api/v1/estimate?variant=ci&group[professionals_employed]=-1');
  assert.equal(negative.status, 400);
  assert.equal(negative.data.field, 'group.professionals_employed');
});

test('a member and a CI read their own users; the secretariat any organisation\'s', async () => {
  const own = await c.member.get(`/api/v1/organisations/${ids.wijkkracht}/users`);
  assert.equal(own.status, 200, own.text);
  assert.deepEqual(own.data.users.map((u) => u.email), [USERS.member]);
  assert.equal((await c.member.get(`/api/v1/organisations/${ids.welzijnSamen}/users`)).status, 403);
  const ci = await c.ciAdmin.get(`/api/v1/organisations/${ids.ci}/users`);
  assert.deepEqual(ci.data.users.map((u) => u.email).sort(), [USERS.ciAdmin, USERS.assessor, USERS.auditor].sort());
  const any = await c.secretariat.get(`/api/v1/organisations/${ids.welzijnSamen}/users`);
  assert.deepEqual(any.data.users.map((u) => u.email), [USERS.otherMember]);
  assert.equal((await c.secretariat.get('/api/v1/organisations/987654/users')).status, 404);
});

test('the request page learns what a request would start from; the request keeps scope, FTE and preferred period', async () => {
  const busy = await c.member.get('/api/v1/audit-request');
  assert.equal(busy.status, 200, busy.text);
  assert.equal(busy.data.today, localDate());
  assert.equal(busy.data.self_evaluation_completed_on, null, 'the demo self-evaluation is a trajectory event, not a kept one');
  assert.equal(busy.data.request_until, null);
  assert.equal(busy.data.membership_active, true);
  assert.equal(busy.data.running.state, 'requested');
  assert.deepEqual(busy.data.blockers, ['Er loopt al een traject (toetsing aangevraagd); rond dat eerst af of trek het in.']);
  const withdrawn = await c.member.post(`/api/v1/trajectories/${busy.data.running.id}/events`,
    { event: 'trajectory_withdrawn', on: localDate(), reason: 'opnieuw aanvragen' });
  assert.equal(withdrawn.status, 201, withdrawn.text);

  const outside = await c.member.get(`/api/v1/audit-request?self_evaluation_completed_on=${localDate(-30)}`);
  assert.equal(outside.status, 200, outside.text);
  assert.equal(outside.data.self_evaluation_completed_on, localDate(-30));
  assert.equal(outside.data.self_evaluation_in_sterklabel, false);
  const limit = new Date();
  limit.setDate(limit.getDate() - 30);
  limit.setFullYear(limit.getFullYear() + 1);
  assert.equal(outside.data.request_until.slice(0, 4), String(limit.getFullYear()));
  assert.equal(outside.data.running, null);
  assert.deepEqual(outside.data.blockers, []);
  const old = await c.member.get(`/api/v1/audit-request?self_evaluation_completed_on=${localDate(-400)}`);
  assert.match(old.data.blockers[0], /is ouder dan 12 maanden; een nieuwe zelfevaluatie is nodig/);
  const bad = await c.member.get('/api/v1/audit-request?self_evaluation_completed_on=gisteren');
  assert.equal(bad.status, 400);
  assert.equal(bad.data.field, 'self_evaluation_completed_on');

  const request = {
    ci_id: ids.ci, variant: 'ci', self_evaluation_completed_on: localDate(-30),
    fte: { professionals_employed: 9.5, management_support: 1, noncritical_volunteers: 40 },
    scope: { werksoorten: ['jongerenwerk', 'buurtbemiddeling'] },
    preferred_period: { from: localDate(30), until: localDate(60) },
  };
  const noScope = await c.member.post('/api/v1/trajectories', { ...request, scope: { werksoorten: [] } });
  assert.equal(noScope.status, 400, noScope.text);
  assert.equal(noScope.data.field, 'scope');
  const backwards = await c.member.post('/api/v1/trajectories',
    { ...request, preferred_period: { from: localDate(60), until: localDate(30) } });
  assert.equal(backwards.status, 400, backwards.text);
  assert.equal(backwards.data.field, 'preferred_period');
  assert.equal(backwards.data.message, 'Gewenste periode: het einde van de gewenste periode ligt vóór het begin.');
  const past = await c.member.post('/api/v1/trajectories', { ...request, preferred_period: { from: localDate(-1) } });
  assert.equal(past.status, 400, past.text);
  assert.equal(past.data.field, 'preferred_period');
  const notDates = await c.member.post('/api/v1/trajectories', { ...request, preferred_period: { from: 'voorjaar' } });
  assert.equal(notDates.status, 400, notDates.text);
  assert.equal(notDates.data.field, 'preferred_period');
  const tooLate = await c.member.post('/api/v1/trajectories',
    { ...request, preferred_period: { from: localDate(400), until: localDate(420) } });
  assert.equal(tooLate.status, 409, tooLate.text);
  assert.match(tooLate.data.message, /^De aanvraag kan niet: de gewenste periode begint op .*, maar de toetsing moet uiterlijk .* beginnen/);
  assert.equal(tooLate.data.field, 'preferred_period');

  const created = await c.member.post('/api/v1/trajectories', request);
  assert.equal(created.status, 201, created.text);
  const requested = created.data.events.find((e) => e.event === 'audit_requested');
  assert.equal(requested.preferred_from, localDate(30));
  assert.equal(requested.preferred_until, localDate(60));
  assert.deepEqual(created.data.scope, {
    whole: false, werksoorten: ['jongerenwerk', 'buurtbemiddeling'],
    fte: { management_support: 1, noncritical_volunteers: 40, professionals_employed: 9.5 }, total: 10.5,
  });
  // The CI reads the same, from the stored log.
  const seen = await c.ciAdmin.get(`/api/v1/trajectories/${created.data.id}`);
  assert.equal(seen.status, 200, seen.text);
  assert.equal(seen.data.events.find((e) => e.event === 'audit_requested').preferred_from, localDate(30));
  assert.equal(seen.data.scope.total, 10.5);
  // A trajectory stored before scopes were kept has none.
  const list = await c.secretariat.get('/api/v1/trajectories');
  const demo = list.data.trajectories.find((t) => t.member.name === 'Welzijn Samen');
  assert.deepEqual(demo.scope, { whole: null, werksoorten: [], fte: {}, total: null });
});

test('a re-certification names its certificate; the secretariat checks it at registration and the CI sees the checked expiry', async () => {
  const running = (await c.member.get('/api/v1/audit-request')).data.running;
  if (running) {
    const off = await c.member.post(`/api/v1/trajectories/${running.id}/events`,
      { event: 'trajectory_withdrawn', on: localDate(), reason: 'hercertificering' });
    assert.equal(off.status, 201, off.text);
  }
  const request = {
    ci_id: ids.ci, variant: 'ci', kind: 'recertification',
    previous_certificate: { number: 'SSW-2024-0007', expires: localDate(200) },
    fte: { professionals_employed: 12 }, scope: { whole: true },
  };
  const created = await c.member.post('/api/v1/trajectories', request);
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.kind, 'recertification');
  assert.equal(created.data.previous_check, null);
  const id = created.data.id;
  const accepted = await c.ciAdmin.post(`/api/v1/trajectories/${id}/events`, { event: 'audit_accepted', on: localDate() });
  assert.equal(accepted.status, 201, accepted.text);

  const noDate = await c.secretariat.post(`/api/v1/trajectories/${id}/events`,
    { event: 'membership_confirmed', on: localDate(), previous_number: 'SSW-2024-0007' });
  assert.equal(noDate.status, 400, noDate.text);
  assert.match(noDate.data.field, /previous_expires$/);
  assert.match(noDate.data.message, /vervaldatum \(previous_expires\)/);
  const notDate = await c.secretariat.post(`/api/v1/trajectories/${id}/events`,
    { event: 'membership_confirmed', on: localDate(), previous_expires: 'volgend jaar' });
  assert.equal(notDate.status, 400, notDate.text);

  const confirmed = await c.secretariat.post(`/api/v1/trajectories/${id}/events`,
    { event: 'membership_confirmed', on: localDate(), previous_number: 'SSW-2024-0007', previous_expires: localDate(180) });
  assert.equal(confirmed.status, 201, confirmed.text);
  const seen = await c.ciAdmin.get(`/api/v1/trajectories/${id}`);
  assert.deepEqual(seen.data.previous_check,
    { number: 'SSW-2024-0007', expires: localDate(180), checked_on: localDate(), differs_from_request: true });
  assert.equal(seen.data.previous_certificate.expires, localDate(180), 'the checked expiry is the one the dates count from');
  const event = seen.data.events.find((e) => e.event === 'membership_confirmed');
  assert.equal(event.previous_expires, localDate(180));

  const off = await c.member.post(`/api/v1/trajectories/${id}/events`,
    { event: 'trajectory_withdrawn', on: localDate(), reason: 'toch als eerste certificering' });
  assert.equal(off.status, 201, off.text);
  const initial = await c.member.post('/api/v1/trajectories',
    { ci_id: ids.ci, variant: 'ci', self_evaluation_completed_on: localDate(-30), fte: { professionals_employed: 12 }, scope: { whole: true } });
  assert.equal(initial.status, 201, initial.text);
  await c.ciAdmin.post(`/api/v1/trajectories/${initial.data.id}/events`, { event: 'audit_accepted', on: localDate() });
  const stillRunning = await c.secretariat.post(`/api/v1/trajectories/${initial.data.id}/events`,
    { event: 'membership_confirmed', on: localDate(), previous_number: 'SSW-2024-0007', previous_expires: localDate(180) });
  assert.equal(stillRunning.status, 409, stillRunning.text);
  assert.match(stillRunning.data.message, /liep bij de aanvraag nog .* dit is een hercertificering/);
  const after = await c.ciAdmin.get(`/api/v1/trajectories/${initial.data.id}`);
  assert.equal(after.data.state, 'accepted', 'the refused registration left nothing behind');
});
