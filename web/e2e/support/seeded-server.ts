// A second server for the tests that need unsuppressed trend figures: its own SQLite file filled
// first by `sterklabel demo-data --audits N --seed S` (fictitious audits over four years, counted into
// the trend analysis), then started with --demo (the demo logins and their trajectories), so the
// shared server of global-setup.ts keeps its small demo data for every other spec.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from './demo-users';
import { waitForAddress } from './global-setup';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SeededServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startSeededServer({ audits, seed }: { audits: number; seed: number }): Promise<SeededServer> {
  const binary = resolve(webDir, process.env.STERK_BIN ?? '../build/sterklabel');
  const dataDir = mkdtempSync(join(tmpdir(), 'sterklabel-e2e-seeded-'));
  const db = `sqlite:${join(dataDir, 'seeded.db')}`;
  execFileSync(binary, ['demo-data', '--db', db, '--audits', String(audits), '--seed', String(seed)], { cwd: dataDir, stdio: 'pipe' });
  const server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', resolve(webDir, 'dist'), '--demo'], {
    cwd: dataDir,
    env: { ...process.env, STERK_DEMO_PASSWORD: DEMO_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  let url: string;
  try {
    url = await waitForAddress(server, log);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise<void>((done) => server.once('exit', () => done()));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
        if (server.exitCode === null && server.signalCode === null) {
          server.kill('SIGKILL');
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
