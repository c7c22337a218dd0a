// `sterklabel import register FILE.csv --db URL [--dry-run]` on a fresh SQLite database, as the
// secretariat would run it: the example file checked, then imported, then imported again (all
// skipped); a file with problems prints each on its own line naming line and column, exits 2 and
// writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.STERK_BIN ?? 'build/sterklabel';
const ROOT = process.env.STERK_SOURCE_DIR ?? '.';
const EXAMPLE = join(ROOT, 'examples/register-import.csv');
const TODAY = '2026-06-01';

function importRegister(db, file, ...flags) {
  const r = spawnSync(BIN, ['import', 'register', file, '--db', db, '--today', TODAY, ...flags], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// count: the number in the summary table's line for `label`.
function count(out, label) {
  const m = out.match(new RegExp(`^  ${label.replace(/[()]/g, '\\$&')}\\s+(\\d+)$`, 'm'));
  assert.ok(m, `${label} not in:\n${out}`);
  return Number(m[1]);
}

test('the example file: checked, imported, and imported again without change', () => {
  const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'sterk-cli-import-')), 'register.db')}`;
  const checked = importRegister(db, EXAMPLE, '--dry-run');
  assert.equal(checked.code, 0, checked.err);
  assert.match(checked.out, /alleen controleren/);
  assert.match(checked.out, /3 regels gecontroleerd/);
  assert.equal(count(checked.out, 'leden aangemaakt'), 3);
  assert.equal(count(checked.out, 'nieuwe certificaten'), 3);
  assert.equal(count(checked.out, 'waarvan al verlopen'), 1);
  assert.match(checked.out, /Gecontroleerd; er is niets geschreven\./);

  const imported = importRegister(db, EXAMPLE);
  assert.equal(imported.code, 0, imported.err);
  assert.equal(count(imported.out, 'leden aangemaakt'), 3, 'the dry run wrote nothing');
  assert.match(imported.out, /Geïmporteerd\./);

  const again = importRegister(db, EXAMPLE);
  assert.equal(again.code, 0, again.err);
  assert.equal(count(again.out, 'leden aangemaakt'), 0);
  assert.equal(count(again.out, 'leden gevonden (lidnummer)'), 3);
  assert.equal(count(again.out, 'nieuwe certificaten'), 0);
  assert.equal(count(again.out, 'al aanwezig (overgeslagen)'), 3);
});

test('a file with problems: each on its own line, exit 2, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sterk-cli-import-'));
  const db = `sqlite:${join(dir, 'register.db')}`;
  const file = join(dir, 'register.csv');
  writeFileSync(file, [
    'lidnummer,naam,kvk,plaats,scope,certificaatnummer,uitgegeven,verloopt',
    'SWN-1,Goed Lid,,Ede,Het hele lid,SSW-2025-0001,2025-01-01,2027-01-01',
    'SWN-2,Fout Lid,1234,Ede,Het hele lid,SSW-2025-0002,2025-01-01,31-02-2027',
    '',
  ].join('\n'));
  const refused = importRegister(db, file);
  assert.equal(refused.code, 2);
  assert.deepEqual(refused.err.trim().split('\n'), [
    `${file}: regel 3, veld "kvk": "1234" is geen KvK-nummer (8 cijfers)`,
    `${file}: regel 3, veld "verloopt": "31-02-2027" is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)`,
    '2 fouten; er is niets geïmporteerd.',
  ]);
  const after = importRegister(db, EXAMPLE, '--dry-run');
  assert.equal(count(after.out, 'leden aangemaakt'), 3, 'the refused file wrote nothing');

  const missing = importRegister(db, join(dir, 'bestaat-niet.csv'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /FILE: kan '.*bestaat-niet\.csv' niet lezen/);
});
