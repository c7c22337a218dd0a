// Issue 7.1: a deployed binary serves its web app without --web-root, found beside the binary:
// <exe dir>/web, <exe dir>/../share/sterklabel/web, <exe dir>/../web/dist (the source tree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, startServer } from './server.mjs';

// install: a copy of the binary at <root>/<binPath>, and an index.html with `marker` in <root>/<webPath>.
function install(binPath, webPath, marker) {
  const root = mkdtempSync(join(tmpdir(), 'sterk-install-'));
  const bin = join(root, binPath);
  mkdirSync(join(bin, '..'), { recursive: true });
  copyFileSync(binary(), bin);
  chmodSync(bin, 0o755);
  if (webPath) {
    mkdirSync(join(root, webPath), { recursive: true });
    writeFileSync(join(root, webPath, 'index.html'), `<!doctype html><title>${marker}</title>`);
  }
  return { root, bin };
}

async function servedBy(bin, env = {}) {
  const server = await startServer({ bin, env: { STERK_WEB_ROOT: '', ...env } });
  try {
    const page = await fetch(`${server.url}/gebruikers`);
    return { status: page.status, text: await page.text(), log: server.logText() };
  } finally {
    assert.equal((await server.stop()).code, 0);
  }
}

for (const [binPath, webPath] of [
  ['sterklabel', 'web'],
  ['bin/sterklabel', 'share/sterklabel/web'],
  ['build/sterklabel', 'web/dist'],
]) {
  test(`without --web-root: ${binPath} serves ${webPath}`, async () => {
    const { root, bin } = install(binPath, webPath, `app uit ${webPath}`);
    try {
      const res = await servedBy(bin);
      assert.equal(res.status, 200);
      assert.match(res.text, new RegExp(`app uit ${webPath}`));
      assert.match(res.log, /web-app uit .*naast het programma/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test('--web-root / STERK_WEB_ROOT still win; none found: a clear message and the API only', async () => {
  const { root, bin } = install('sterklabel', 'web', 'naast het programma');
  const other = mkdtempSync(join(tmpdir(), 'sterk-other-web-'));
  writeFileSync(join(other, 'index.html'), '<!doctype html><title>uit STERK_WEB_ROOT</title>');
  try {
    const res = await servedBy(bin, { STERK_WEB_ROOT: other });
    assert.match(res.text, /uit STERK_WEB_ROOT/);
    assert.match(res.log, /web-app uit .*STERK_WEB_ROOT/);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  }
  const bare = install('alleen/sterklabel', null, '');
  try {
    const res = await servedBy(bare.bin);
    assert.equal(res.status, 404);
    assert.match(res.log, /geen web-app gevonden \(gezocht in .*alleen\/web/);
    assert.match(res.log, /--web-root/);
  } finally {
    rmSync(bare.root, { recursive: true, force: true });
  }
});
