// The comparison for the report PDF (scripts/bench.sh): Debian's Chromium, started once and kept
// running, prints the same report's static HTML (render_report_html, written by
// `sterklabel-bench-pdf --write-html`) to PDF N times with page numbers in the footer.
// Prints p50/p95 ms per document and the Chromium processes' memory, then CHROMIUM_P50_MS=...
//
//   node scripts/bench-report-chromium.mjs REPORT.html [RUNS]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'web', 'package.json'));
let playwright;
try {
  playwright = require('playwright-core');
} catch {
  playwright = require('playwright');
}

const [htmlFile, runsArg] = process.argv.slice(2);
if (!htmlFile) {
  console.error('gebruik: node scripts/bench-report-chromium.mjs RAPPORT.html [AANTAL]');
  process.exit(2);
}
const runs = Math.max(1, Number(runsArg ?? 20));

const profile = mkdtempSync(join(tmpdir(), 'sterk-chromium-'));
const chromium = spawn('/usr/bin/chromium', [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
  '--disable-dev-shm-usage', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });

function cleanup() {
  try {
    chromium.kill('SIGTERM');
  } catch {}
  try {
    rmSync(profile, { recursive: true, force: true });
  } catch {}
}

const endpoint = await new Promise((ok, fail) => {
  let seen = '';
  const timer = setTimeout(() => fail(new Error(`Chromium start niet:\n${seen}`)), 20000);
  chromium.stderr.on('data', (chunk) => {
    seen += chunk;
    const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
    if (match) {
      clearTimeout(timer);
      ok(match[1]);
    }
  });
  chromium.on('exit', (code) => fail(new Error(`Chromium stopte (${code}):\n${seen}`)));
}).catch((error) => {
  cleanup();
  console.error(error.message);
  process.exit(1);
});

// The memory of Chromium's whole process tree, in MB (browser, renderer, utilities): the sum of
// their proportional set sizes, so pages shared between the processes count once.
function treePssMb(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let kb = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      kb += Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {}
    todo.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

try {
  const browser = await playwright.chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = await context.newPage();
  await page.goto(pathToFileURL(resolve(htmlFile)).href, { waitUntil: 'load' });
  const options = {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate:
      '<div style="font-size:8pt;width:100%;margin:0 20mm;color:#17456f;font-weight:bold">Kwaliteitslabel Sterk Sociaal Werk</div>',
    footerTemplate:
      '<div style="font-size:8pt;width:100%;margin:0 20mm;text-align:right">Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>',
    margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
  };
  const first = performance.now();
  const warm = await page.pdf(options);
  const firstMs = performance.now() - first;
  const times = [];
  let peak = treePssMb(chromium.pid);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await page.pdf(options);
    times.push(performance.now() - start);
    peak = Math.max(peak, treePssMb(chromium.pid));
  }
  const pages = (warm.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`runs: ${runs} after one warm-up (${firstMs.toFixed(1)} ms), ${pages} pages, ${warm.length} bytes`);
  console.log(`chromium page.pdf: p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`);
  console.log(`chromium processes' memory (sum of PSS, largest seen): ${peak.toFixed(1)} MB`);
  console.log(`CHROMIUM_P50_MS=${percentile(times, 50).toFixed(3)}`);
  console.log(`CHROMIUM_P95_MS=${percentile(times, 95).toFixed(3)}`);
  // Chromium closes itself (and waits for its own child processes), then the script ends.
  const exited = new Promise((ok) => chromium.once('exit', ok));
  const session = await browser.newBrowserCDPSession();
  await session.send('Browser.close').catch(() => {});
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  cleanup();
}
