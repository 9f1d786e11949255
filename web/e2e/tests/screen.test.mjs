// Screening by hand: an analyst screens a name in Arabic script and sees the
// listed entry it matches, with the explanation; a border officer screening
// the same name learns only "refer" and a case reference, and the analysts
// get the alert; an ICAO 9303 specimen passport's MRZ shows its checks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, choosePurpose, launch, screenshot, signedInPage } from '../lib.mjs';

// The ICAO 9303 part 4 specimen (tests/travel/mrz_test.cc): every check
// digit right, expired in 2012.
const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function screenPage(user, purpose, path = '/screen') {
  const page = await signedInPage(browser, user, { path });
  // The signed-out GET /v1/me before the sign-in answers 401: not a problem.
  page.problems.length = 0;
  await choosePurpose(page, purpose);
  return page;
}

async function screenName(page, name) {
  await page.locator('#screen-names').fill(name);
  await page.getByTestId('screen-form').getByRole('button').last().click();
  await page.getByTestId('verdict').first().waitFor();
}

test('an analyst screens a name in Arabic script: the listed entry, explained', async () => {
  const page = await screenPage('amina', 'ct-investigation');
  await screenName(page, 'أيمن الظواهري');
  const result = page.getByTestId('screen-result');
  assert.equal(await result.getByTestId('verdict').getAttribute('data-decision'), 'refer');
  const match = result.locator('[data-testid=match][data-entity="un:111923"]');
  await match.waitFor();
  assert.match(await match.locator('summary').innerText(), /Zawah/i);
  // The names side by side, the Arabic tokens marked against the Latin ones.
  const names = match.getByTestId('names-side');
  assert.match(await names.locator('.names-cell').nth(0).innerText(), /الظواهري/);
  assert.ok((await names.locator('.names-cell').nth(0).locator('mark.tok').count()) >= 2);
  assert.ok((await names.locator('.names-cell').nth(1).locator('mark.tok').count()) >= 2);
  const alignment = await match.getByTestId('alignment').innerText();
  assert.match(alignment, /أيمن/);
  assert.match(alignment, /ayman/i);
  await screenshot(page, 'screen-name-en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a border officer gets refer and a case reference, never the listed name', async () => {
  const page = await screenPage('omar', 'border-control', '/screen?lang=ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await screenName(page, 'أيمن الظواهري');
  const verdict = page.getByTestId('verdict');
  assert.equal(await verdict.getAttribute('data-decision'), 'refer');
  const reference = (await verdict.getByTestId('reference').innerText()).trim();
  assert.match(reference, /^HUD-\d+$/);
  assert.equal(await page.getByTestId('match').count(), 0);
  assert.doesNotMatch(await page.locator('main').innerText(), /zawah|111923/i);
  // What became of the case: under review.
  await verdict.getByRole('button').click();
  await page.getByTestId('case-state').waitFor();
  assert.match(await page.getByTestId('case-state').innerText(), /قيد المراجعة/);
  await screenshot(page, 'screen-officer-ar');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const amina = await apiAs('amina');
  const r = await amina('GET', `/v1/alerts?case=${reference}`, { purpose: 'ct-investigation' });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.alerts.some((a) => a.entity_id === 'un:111923' && a.source === 'screening'));
});

test('an MRZ shows its document checks, and a wrong check digit is caught', async () => {
  const page = await screenPage('omar', 'border-control');
  const form = page.getByTestId('mrz-form');
  await page.locator('#mrz-lines').fill(SPECIMEN.join('\n'));
  await form.getByRole('button').click();
  const result = page.getByTestId('mrz-result');
  await result.waitFor();
  const checks = result.getByTestId('mrz-checks').locator('tbody tr');
  assert.ok((await checks.count()) >= 4);
  assert.deepEqual(
    [...new Set(await checks.evaluateAll((rows) => rows.map((r) => r.dataset.ok)))],
    ['true'],
  );
  assert.match(await checks.first().innerText(), /Document number check digit/);
  assert.match(await result.innerText(), /L898902C3/);
  // The specimen expired in 2012: refer, and why.
  assert.equal(await result.getByTestId('verdict').getAttribute('data-decision'), 'refer');
  assert.match(await result.getByTestId('mrz-reasons').innerText(), /Expired/);
  await screenshot(page, 'screen-mrz-en');

  // The document number's check digit changed from 6 to 7.
  await page.locator('#mrz-lines').fill(SPECIMEN.join('\n').replace('L898902C36', 'L898902C37'));
  await form.getByRole('button').click();
  await result.locator('tbody tr[data-ok=false]').first().waitFor();
  const wrong = result.locator('tbody tr[data-ok=false]');
  assert.match(await wrong.first().innerText(), /Document number/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
