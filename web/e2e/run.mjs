// Runs the console's end-to-end tests: seeds a fresh database with the real
// `hudud` binary (seed.mjs), starts `hudud serve` on loopback with the built
// console (web/dist), and runs every e2e/tests/*.test.mjs with node's test
// runner, one file at a time, against it in Debian's headless Chromium.
// Screenshots land in e2e/artifacts/.
//
// Environment: HUDUD_BIN (default build/hudud), CHROMIUM (default
// /usr/bin/chromium), E2E_WEB_DIST (default web/dist), E2E_SUBJECTS (held
// subjects to seed, default 10500), and test file names as arguments to run only those.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD, seed, USERS } from './seed.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '..');
const repo = resolve(web, '..');
const bin = resolve(process.env.HUDUD_BIN ?? join(repo, 'build/hudud'));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const dist = resolve(process.env.E2E_WEB_DIST ?? join(web, 'dist'));

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}
if (!existsSync(bin)) fail(`no hudud binary at ${bin} (build first, or set HUDUD_BIN)`);
if (!existsSync(chromium)) fail(`no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM)`);
if (!existsSync(join(dist, 'index.html'))) fail(`the console is not built in ${dist} (npm run build)`);

const dir = mkdtempSync(join(tmpdir(), 'hudud-e2e-'));
const db = join(dir, 'hudud.db');
const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const t0 = Date.now();
const seeded = seed({ bin, db, repo, dir, subjects: Number(process.env.E2E_SUBJECTS ?? 10500) });
console.log(`e2e: seeded ${seeded.subjects} held subjects in ${Date.now() - t0} ms: ${JSON.stringify(seeded.summary)}`);

const server = spawn(
  bin,
  ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', dist, '--home-airports', 'KWI'],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);
let log = '';
server.stderr.on('data', (d) => {
  log += d.toString();
});
const port = await new Promise((ok, no) => {
  const deadline = Date.now() + 60000;
  const poll = () => {
    const m = log.match(/"port":(\d+)/);
    if (m) return ok(Number(m[1]));
    if (server.exitCode !== null || Date.now() > deadline) return no(new Error(`hudud serve did not start:\n${log}`));
    setTimeout(poll, 50);
  };
  poll();
}).catch((e) => fail(e.message));
const url = `http://127.0.0.1:${port}`;
console.log(`e2e: hudud serve at ${url}`);

const only = process.argv.slice(2);
const files = readdirSync(join(here, 'tests'))
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => join(here, 'tests', f));

// Not spawnSync: the server's log must be read on while the tests run, or
// its stderr pipe fills up and the server stops answering.
const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    HUDUD_URL: url,
    HUDUD_E2E_DB: db,
    HUDUD_E2E_DIR: dir,
    HUDUD_E2E_REPO: repo,
    HUDUD_BIN: bin,
    CHROMIUM: chromium,
    HUDUD_E2E_PASSWORD: PASSWORD,
    HUDUD_E2E_USERS: JSON.stringify(USERS),
    HUDUD_E2E_ARTIFACTS: artifacts,
  },
});
const status = await new Promise((ok) => tests.on('exit', (code) => ok(code ?? 1)));

server.kill('SIGTERM');
await new Promise((ok) => (server.exitCode !== null ? ok() : server.on('exit', ok)));
if (status !== 0) {
  console.error(`e2e: failed; server log tail:\n${log.split('\n').slice(-40).join('\n')}`);
  console.error(`e2e: database kept at ${db}`);
} else {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`e2e: screenshots in ${artifacts}`);
process.exit(status);
