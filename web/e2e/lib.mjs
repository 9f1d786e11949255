// What every end-to-end test file uses: the running server's address, the
// seeded users, a headless Chromium, a signed-in page in a given language,
// screenshots, and direct API calls for setting up and checking state.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const URL_BASE = process.env.HUDUD_URL ?? 'http://127.0.0.1:8080';
export const PASSWORD = process.env.HUDUD_E2E_PASSWORD ?? '';
export const USERS = JSON.parse(process.env.HUDUD_E2E_USERS ?? '{}');
export const REPO = process.env.HUDUD_E2E_REPO ?? '';
const ARTIFACTS = process.env.HUDUD_E2E_ARTIFACTS ?? 'artifacts';

// One browser per test file.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A new page signed in as `user` through the sign-in form, in `locale`
// (the browser's language: the console follows it unless told otherwise).
// Every console error or failed request is collected in page.problems.
export async function signedInPage(browser, user, { locale = 'en-GB', path = '/' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Before sign-in the console asks GET /v1/me and is told 401: expected.
    const signInProbe = m.location()?.url?.endsWith('/v1/me') && m.text().includes('401');
    if (m.type() === 'error' && !signInProbe) page.problems.push(`console: ${m.text()}`);
  });
  await page.goto(URL_BASE + path);
  await page.locator('#signin-user').fill(user);
  await page.locator('#signin-password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.locator('.topbar').waitFor();
  return page;
}

// Chooses `code` as the tab's purpose in the header.
export async function choosePurpose(page, code) {
  await page.locator('#purpose-select').selectOption(code);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Signs in through the API and returns a function that calls it with the
// session cookie: call(method, path, {body, purpose, raw, contentType}).
export async function apiAs(user) {
  const res = await fetch(`${URL_BASE}/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${user}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return async (method, path, { body, purpose, raw, contentType } = {}) => {
    const headers = { Cookie: cookie };
    if (purpose) headers['X-Purpose'] = purpose;
    let payload;
    if (raw !== undefined) {
      payload = raw;
      headers['Content-Type'] = contentType ?? 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(URL_BASE + path, { method, headers, body: payload });
    const text = await r.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: r.status, json, text };
  };
}

// The navigation's labels, without the unread count beside Notifications.
export async function navLabels(page) {
  return page.locator('nav.sidenav a').evaluateAll((links) =>
    links.map((a) =>
      [...a.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ),
  );
}
