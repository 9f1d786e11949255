// The good-practices library: the seeded articles in four languages, search
// across scripts, the language filter, an article with its translations, a
// list manager writing one (and the server's refusal beside the form), and an
// analyst who cannot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, screenshot, signedInPage } from '../lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

const titles = (page) => page.locator('.practice-list h2').allInnerTexts();
const languages = (page) =>
  page.locator('.practice-list li').evaluateAll((ls) => ls.map((l) => l.lang));
const TITLE = 'Passenger data units share watchlist hits with the FIU';
const EDITED = 'Passenger data units share confirmed hits with the FIU';

test('the library in four languages, searched in Arabic', async () => {
  const all = await (await apiAs('amina'))('GET', '/v1/practices?limit=200');
  assert.equal(all.status, 200, all.text);
  const langs = new Set(all.json.practices.map((p) => p.language));
  assert.deepEqual([...langs].sort(), ['ar', 'en', 'fr', 'ru']);

  const page = await signedInPage(browser, 'amina', { path: '/practices' });
  await page.getByRole('heading', { name: 'Good practices', level: 1 }).waitFor();
  const newArticle = page.getByRole('link', { name: 'New article' });
  assert.equal(await newArticle.count(), 0, 'analysts write no article');
  // The reader's language first.
  await page.locator('.practice-list li').first().waitFor();
  const english = await languages(page);
  assert.ok(english.length >= 4 && english.every((l) => l === 'en'), `only English: ${english}`);
  await screenshot(page, 'practices-library-en');

  await page.getByRole('main').getByLabel('Language').selectOption('all');
  await page.getByText(/articles found/).filter({ hasText: String(all.json.total) }).waitFor();

  await page.getByRole('main').getByLabel('Language').selectOption('ar');
  await page.getByRole('searchbox').fill('الانتربول');
  await page.getByRole('button', { name: 'Search' }).click();
  assert.match(page.url(), /q=/);
  await page.locator('.practice-list li').first().waitFor();
  const found = await languages(page);
  assert.ok(found.length >= 1 && found.every((l) => l === 'ar'), `Arabic results: ${found}`);

  // An article: its text as paragraphs, its source and its translations.
  await page.locator('.practice-list h2 a').first().click();
  await page.locator('.article-body p').first().waitFor();
  assert.equal(await page.locator('article.practice').getAttribute('dir'), 'rtl');
  const translations = page.locator('.translations a');
  assert.equal(await translations.count(), 3);
  await translations.filter({ hasText: 'English' }).click();
  await page.locator('article.practice[lang="en"]').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a list manager writes an article, which search then finds', async () => {
  const page = await signedInPage(browser, 'lena', { path: '/practices' });
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Region', { exact: true }).fill('central-asia');
  await page.getByLabel('Topic', { exact: true }).fill('cooperation');
  await page.getByLabel('Source', { exact: true }).fill('FATF Recommendation 2');
  // Too short: the server says which field and why, beside the form.
  await page.getByLabel('Text', { exact: true }).fill('Too short.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.practice-form [role=alert]').waitFor();
  assert.equal(await page.getByLabel('Text', { exact: true }).getAttribute('aria-invalid'), 'true');

  const body = [
    'A passenger-information unit that confirms a watchlist hit tells the FIU the same day.',
    '',
    '- Agree the channel in advance.',
    '- Send only what the agreement allows.',
  ].join('\n');
  await page.getByLabel('Text', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  assert.equal(await page.locator('.article-body li').count(), 2, 'list items as a list');
  await screenshot(page, 'practices-article-en');

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill(EDITED);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: EDITED }).waitFor();

  await page.goto(new URL('/practices?q=confirmed+hits', page.url()).href);
  await page.locator('.practice-list li').first().waitFor();
  assert.ok((await titles(page)).includes(EDITED));
  assert.deepEqual(
    page.problems.filter((p) => !p.includes('400')),
    [],
    'no error but the refused save',
  );
});

test('the library in Arabic', async () => {
  const page = await signedInPage(browser, 'lena', { locale: 'ar', path: '/practices' });
  await page.getByRole('heading', { name: 'الممارسات الجيدة', level: 1 }).waitFor();
  await page.locator('.practice-list li[lang="ar"]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.getByRole('link', { name: 'مقالة جديدة' }).waitFor();
  await screenshot(page, 'practices-library-ar');
  await page.locator('.practice-list h2 a').first().click();
  await page.locator('.article-body p').first().waitFor();
  await screenshot(page, 'practices-article-ar');
  assert.deepEqual(page.problems, []);
});
