// The core stays pure: no file under src/core includes an I/O, network, database or clock header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.env.STERK_SOURCE_DIR ?? '.';
const FORBIDDEN = [
  /^<(iostream|istream|ostream|fstream|sstream|cstdio|stdio\.h|filesystem|chrono|ctime|time\.h)>$/,
  /^<(boost|soci|curl|sqlite3|libpq|pqxx|sodium|cairo|pango|yaml-cpp|nlohmann|spdlog|CLI)\b/,
  /^<(sys|arpa|netinet|unistd\.h|fcntl\.h|netdb\.h)/,
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('no core file includes an I/O, network, database or clock header', () => {
  const core = files(join(ROOT, 'src/core')).filter((f) => /\.(h|cpp)$/.test(f));
  assert.ok(core.length > 10, 'the core has its sources');
  const offences = [];
  for (const file of core) {
    for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
      const m = line.match(/^\s*#\s*include\s*(<[^>]+>)/);
      if (m && FORBIDDEN.some((re) => re.test(m[1]))) offences.push(`${file}:${i + 1}: ${m[1]}`);
    }
  }
  assert.deepEqual(offences, []);
});
