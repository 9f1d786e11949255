// Languages: the browser's language first, a ?lang= link over it, the
// user's own choice (saved on the server) over both; the switch without a
// reload; Arabic right to left with the navigation on the right and
// optional Arabic-Indic digits; and no screen of any role left with an
// English navigation label or a message key in Arabic.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  apiAs,
  launch,
  navLabels,
  REPO,
  screenshot,
  signedInPage,
  URL_BASE,
  USERS,
} from '../lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function signInPage(locale, path = '/') {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(URL_BASE + path);
  await page.locator('#signin-user').waitFor();
  return page;
}

const docLang = (page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

test('the browser’s language decides first, and ?lang= overrides it', async () => {
  const ar = await signInPage('ar');
  assert.deepEqual(await docLang(ar), { lang: 'ar', dir: 'rtl' });
  assert.equal(await ar.locator('h1').innerText(), 'تسجيل الدخول');
  await screenshot(ar, 'language-signin-ar');
  await ar.context().close();

  const ru = await signInPage('ru-RU');
  assert.equal(await ru.locator('h1').innerText(), 'Вход');
  await ru.context().close();

  const fr = await signInPage('ar', '/?lang=fr');
  assert.deepEqual(await docLang(fr), { lang: 'fr', dir: 'ltr' });
  assert.equal(await fr.locator('h1').innerText(), 'Connexion');
  await fr.context().close();
});

test('the user’s choice applies at once, is saved, and wins at the next sign-in', async () => {
  const karim = await apiAs('karim');
  try {
    const page = await signedInPage(browser, 'karim', { locale: 'en-GB' });
    assert.deepEqual(await docLang(page), { lang: 'en', dir: 'ltr' });
    // A marker on the window survives only if the page is not reloaded.
    await page.evaluate(() => (window.__noReload = true));
    await page.locator('#shell-lang').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.evaluate(() => window.__noReload), true);
    assert.equal(await page.locator('#shell-lang').inputValue(), 'ar');
    assert.ok((await navLabels(page)).includes('التنبيهات'));
    // Saved on the server (the PUT goes out as the language changes).
    for (let i = 0; (await karim('GET', '/v1/me')).json.language !== 'ar'; i++) {
      assert.ok(i < 50, 'the choice was not saved');
      await new Promise((ok) => setTimeout(ok, 100));
    }
    await page.context().close();

    // Another browser, in English: karim's choice wins.
    const other = await signedInPage(browser, 'karim', { locale: 'en-GB' });
    await other.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal((await docLang(other)).dir, 'rtl');
    await other.context().close();
  } finally {
    // Leave karim as the other test files expect him: in his browser's language.
    await karim('PUT', '/v1/me/preferences', { body: { language: null } });
  }
});

test('Arabic lays out right to left: the navigation is on the right', async () => {
  const boxes = async (page) => ({
    nav: await page.locator('nav.sidenav').boundingBox(),
    main: await page.locator('main#main').boundingBox(),
  });
  const en = await signedInPage(browser, 'amina', { locale: 'en-GB' });
  const l = await boxes(en);
  assert.ok(l.nav.x < l.main.x, `English: nav at ${l.nav.x}, main at ${l.main.x}`);
  await en.context().close();

  const ar = await signedInPage(browser, 'amina', { locale: 'ar' });
  assert.deepEqual(await docLang(ar), { lang: 'ar', dir: 'rtl' });
  const r = await boxes(ar);
  assert.ok(r.nav.x > r.main.x, `Arabic: nav at ${r.nav.x}, main at ${r.main.x}`);
  assert.ok(r.nav.x + r.nav.width > 1390, 'the navigation reaches the right edge');
  await screenshot(ar, 'language-shell-ar');
  await ar.context().close();
});

test('Arabic-Indic digits change the numbers shown', async () => {
  const page = await signedInPage(browser, 'dpo', { locale: 'ar', path: '/audit' });
  const verdict = page.locator('[data-testid=audit-verify] .verdict');
  await verdict.waitFor();
  assert.match(await verdict.innerText(), /[0-9]/);
  await page.getByLabel('أرقام هندية (٠١٢)').check();
  await page.waitForFunction(
    () => /[٠-٩]/.test(document.querySelector('[data-testid=audit-verify] .verdict').textContent),
  );
  assert.doesNotMatch(await verdict.innerText(), /[0-9]/);
  await screenshot(page, 'language-digits-ar');
  await page.context().close();
});

// One user of each role.
const ROLE_USERS = [
  ...new Map(Object.entries(USERS).map(([user, { role }]) => [role, user])).values(),
];

test('every navigation label of every role is translated into Arabic', async () => {
  for (const user of ROLE_USERS) {
    const page = await signedInPage(browser, user, { locale: 'en-GB' });
    const en = await navLabels(page);
    await page.goto(`${URL_BASE}/?lang=ar`);
    await page.locator('.topbar').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    const ar = await navLabels(page);
    assert.equal(ar.length, en.length, `${user}: ${en} / ${ar}`);
    en.forEach((label, i) => assert.notEqual(ar[i], label, `${user}: "${label}" untranslated`));
    await page.context().close();
  }
});

// Every key of every message table in the console's sources: one showing
// on a screen means a translation was looked up and not found.
function messageKeys() {
  const keys = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) {
        const src = readFileSync(p, 'utf8');
        for (const call of src.split('defineMessages(').slice(1)) {
          const table = call.slice(0, call.indexOf('\n);'));
          // key: 'text' or 'key-x': 'text' (or the text on the next line)
          const entries = table.matchAll(/^\s+(?:'([\w-]+)'|([A-Za-z]\w*)):\s*(?:'|"|`|$)/gm);
          for (const m of entries) keys.add(m[1] ?? m[2]);
        }
      }
    }
  };
  walk(join(REPO, 'web/src'));
  // Plain words ("clear", "search") are also data; keys shaped like
  // identifiers are not.
  return [...keys].filter((k) => /[A-Z_]/.test(k));
}

test('no screen of any role shows a message key, an unfilled placeholder or an unlabelled control', async () => {
  const keys = messageKeys();
  assert.ok(keys.length > 100, `only ${keys.length} message keys found`);
  const found = [];
  const unlabelled = [];
  for (const user of ROLE_USERS) {
    const page = await signedInPage(browser, user, { locale: 'ar' });
    // A purpose, so that the screens show their data rather than ask for it.
    const options = page.locator('#purpose-select option');
    const purposes = await options.evaluateAll((os) => os.map((o) => o.value));
    if (purposes[1]) await page.locator('#purpose-select').selectOption(purposes[1]);
    const nav = page.locator('nav.sidenav a');
    const links = await nav.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      await page.locator(`nav.sidenav a[href="${href}"]`).click();
      const loaded = () => !document.querySelector('main .loading');
      await page.waitForFunction(loaded, null, { timeout: 20000 });
      await page.waitForTimeout(300);
      const bad = await page.evaluate((keys) => {
        const set = new Set(keys);
        const texts = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) texts.push(walker.currentNode.textContent.trim());
        for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
          for (const a of ['aria-label', 'placeholder', 'title']) {
            if (el.hasAttribute(a)) texts.push(el.getAttribute(a).trim());
          }
        }
        return texts.filter((s) => set.has(s) || /\{[a-z]\w*\}/.test(s));
      }, keys);
      if (bad.length) found.push(`${user} ${href}: ${[...new Set(bad)].join(', ')}`);
      // Every control has a name a screen reader can say.
      const unnamed = await page.evaluate(() => {
        const named = (el) =>
          (el.labels && el.labels.length > 0) ||
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          el.getAttribute('title') ||
          (el.tagName === 'BUTTON' && el.textContent.trim());
        return [...document.querySelectorAll('input, select, textarea, button')]
          .filter((el) => el.type !== 'hidden' && el.offsetParent !== null && !named(el))
          .map((el) => `${el.tagName.toLowerCase()}#${el.id || '?'}.${el.className || ''}`);
      });
      if (unnamed.length) unlabelled.push(`${user} ${href}: ${unnamed.join(', ')}`);
    }
    await page.context().close();
  }
  assert.deepEqual(found, []);
  assert.deepEqual(unlabelled, []);
});
