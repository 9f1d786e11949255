// Builds the end-to-end tests' world in a fresh database with the real
// `hudud` binary: the bundled UN list, one user per role (two list managers
// and two analysts, for four eyes), held subjects drawn from the list's own
// names so that the alert queue holds over 10,000 alerts, as a busy unit's
// would.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD = 'e2e-Console-Passw0rd';

export const USERS = {
  root: { role: 'admin' },
  lena: { role: 'list-manager' },
  layla: { role: 'list-manager' },
  amina: { role: 'analyst' },
  karim: { role: 'analyst' },
  omar: { role: 'border-officer' },
  dpo: { role: 'auditor' },
  bank: { role: 'partner', partner: 'bank-a' },
};

function hudud(bin, db, args, input) {
  return execFileSync(bin, [...args, '--db', db], {
    input,
    encoding: 'utf8',
    env: { ...process.env, HUDUD_USER: 'root' },
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
}

// The individuals' names of a UN Consolidated List XML, in Latin and, where
// the list gives it, in the original script.
function unNames(xml) {
  const out = [];
  for (const m of xml.matchAll(/<INDIVIDUAL>([\s\S]*?)<\/INDIVIDUAL>/g)) {
    const body = m[1];
    const field = (tag) => body.match(new RegExp(`<${tag}>([^<]*)</${tag}>`))?.[1]?.trim() ?? '';
    const name = [field('FIRST_NAME'), field('SECOND_NAME'), field('THIRD_NAME'), field('FOURTH_NAME')]
      .filter(Boolean)
      .join(' ');
    const original = field('NAME_ORIGINAL_SCRIPT');
    const dob = body.match(/<INDIVIDUAL_DATE_OF_BIRTH>[\s\S]*?<DATE>(\d{4}-\d{2}-\d{2})<\/DATE>/)?.[1];
    if (name) out.push({ name, original, dob });
  }
  return out;
}

// Seeds `db`; returns what the tests need to know of it.
export function seed({ bin, db, repo, dir, subjects = 10500 }) {
  const add = (user, { role, partner }, first) => {
    const args = ['users', 'add', user, '--role', role, '--password-stdin'];
    if (partner) args.push('--partner', partner);
    if (!first) args.push('--actor', 'root');
    hudud(bin, db, args, `${PASSWORD}\n`);
  };
  let first = true;
  for (const [user, spec] of Object.entries(USERS)) {
    add(user, spec, first);
    first = false;
  }
  const listFile = join(repo, 'data/lists/un-consolidated-2026-02-27.xml');
  hudud(bin, db, ['lists', 'import', listFile]);

  // Held subjects: the listed people's names (some in their original
  // script), each held by several customers, so the queue fills with real
  // hits. Plus customers who are not listed.
  const names = unNames(readFileSync(listFile, 'utf8'));
  const lines = [];
  for (let i = 0; lines.length < subjects; i++) {
    const p = names[i % names.length];
    const round = Math.floor(i / names.length);
    const useOriginal = p.original && round % 2 === 1;
    lines.push(
      JSON.stringify({
        id: `cust-${String(i).padStart(6, '0')}`,
        name: useOriginal ? p.original : p.name,
        ...(round % 3 === 0 && p.dob ? { dob: p.dob } : {}),
      }),
    );
  }
  const file = join(dir, 'subjects.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const summary = JSON.parse(hudud(bin, db, ['subjects', 'import', file, '--json']));
  return { subjects: lines.length, summary };
}
