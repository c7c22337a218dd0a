// `make bench` (scripts/bench.sh): the self-evaluation's figures. Usage: node bench-self-evaluation.mjs URL PASSWORD
// Signs in as the demo member, starts a self-evaluation and answers all 49 norms (printing its id
// for wrk), then an autosave burst: SAVES saves spread over the 49 norms by CONCURRENCY writers at
// once, each save over the version it last got (as the page does), bounded in count. Prints
// requests/s and latency percentiles. Loopback only.
const [url, password] = process.argv.slice(2);
const SAVES = 500;
const CONCURRENCY = 16;

async function login(email) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}`);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  const { csrf_token } = await res.json();
  return { cookie, csrf: csrf_token };
}

const session = await login('kwaliteit@wijkkracht.example');
const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
let started = await fetch(`${url}/api/v1/self-evaluations`, { method: 'POST', headers, body: '{}' });
let se;
if (started.status === 201) {
  se = await started.json();
} else {
  const list = await (await fetch(`${url}/api/v1/self-evaluations`, { headers })).json();
  se = await (await fetch(`${url}/api/v1/self-evaluations/${list.self_evaluations[0].id}`, { headers })).json();
}
const versions = new Map(se.answers.map((a) => [a.norm, a.version]));
const text = 'Wij bespreken casuïstiek elke maand in het team en leggen de afspraken vast in het werkplan. '.repeat(8);

async function save(norm, i) {
  const begin = performance.now();
  const res = await fetch(`${url}/api/v1/self-evaluations/${se.id}/answers/${norm}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ verdict: '+', explanation: `${text} (${i})`, version: versions.get(norm) }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`save ${norm}: ${res.status} ${JSON.stringify(body)}`);
  versions.set(norm, body.version);
  return performance.now() - begin;
}

const norms = [...versions.keys()];
for (const norm of norms) await save(norm, 0);
console.log(`SELF_EVALUATION_ID=${se.id}`);
console.log(`COOKIE=${session.cookie}`);

// The burst: writer w saves norms w, w+16, w+32, ... in turn, so no two writers share a norm.
const latencies = [];
let next = 0;
const begin = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async (_, w) => {
    const mine = norms.filter((_, i) => i % CONCURRENCY === w);
    let k = 0;
    while (next < SAVES) {
      next += 1;
      latencies.push(await save(mine[k % mine.length], next));
      k += 1;
    }
  }),
);
const seconds = (performance.now() - begin) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(`autosave burst: ${latencies.length} saves by ${CONCURRENCY} writers in ${seconds.toFixed(2)} s: ` +
  `${(latencies.length / seconds).toFixed(0)} req/s; p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms`);
