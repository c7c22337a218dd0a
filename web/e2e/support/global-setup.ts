// Starts the real server once for the whole run: a fresh SQLite file, port 0, the built app, demo data
// with a known password. Tests read its address from STERK_E2E_BASE_URL. The returned function stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from './demo-users';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 30_000;

export function waitForAddress(server: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not print its address within ${START_TIMEOUT_MS} ms\n${log.join('\n')}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: server.stdout! });
    lines.on('line', (line) => {
      log.push(line);
      const match = /Sterklabel luistert op (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1].replace(/\/$/, ''));
      }
    });
    createInterface({ input: server.stderr! }).on('line', (line) => log.push(line));
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal})\n${log.join('\n')}`));
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // STERK_E2E_URL: use a server that is already running (seeded with --demo and DEMO_PASSWORD).
  if (process.env.STERK_E2E_URL) {
    process.env.STERK_E2E_BASE_URL = process.env.STERK_E2E_URL.replace(/\/$/, '');
    return async () => {};
  }
  const binary = resolve(webDir, process.env.STERK_BIN ?? '../build/sterklabel');
  const webRoot = resolve(webDir, 'dist');
  if (!existsSync(binary)) {
    throw new Error(`server binary not found: ${binary} (set STERK_BIN)`);
  }
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}/index.html not found: run "npm run build" first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sterklabel-e2e-'));
  const args = ['serve', '--db', `sqlite:${join(dataDir, 'e2e.db')}`, '--listen', '127.0.0.1:0', '--web-root', webRoot, '--demo'];
  const log: string[] = [];
  const server = spawn(binary, args, {
    cwd: dataDir,
    env: { ...process.env, STERK_DEMO_PASSWORD: DEMO_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's log (stderr): in demo mode without SMTP it holds every mail with its link, which
  // the tests read (support/mail-log.ts).
  const logFile = join(dataDir, 'server.log');
  server.stderr!.pipe(createWriteStream(logFile));
  process.env.STERK_E2E_SERVER_LOG = logFile;
  let baseUrl: string;
  try {
    baseUrl = await waitForAddress(server, log);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env.STERK_E2E_BASE_URL = baseUrl;
  process.env.STERK_DATA_DIR = dataDir;

  return async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((done) => server.once('exit', () => done()));
      server.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 5_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        server.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
