// The indicators dashboard: screening coverage from a flight uploaded today,
// hits and false-positive rates by list (one alert decided as a false
// positive shows there), CSV export and the print layout, in English and
// Arabic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiAs, launch, REPO, screenshot, signedInPage } from '../lib.mjs';

let browser;
let decided; // the alert decided as a false positive

// The check-in PNRGOV (LHR to KWI, the home airport) flying today, so that
// it counts in the default period as arriving travellers.
function flyingToday() {
  const raw = readFileSync(join(REPO, 'tests/data/travel/pnrgov/checkin_v11_1.edi'), 'utf8');
  const d = new Date();
  const ddmmyy = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear() % 100]
    .map((n) => String(n).padStart(2, '0'))
    .join('');
  return raw.replaceAll('010325', ddmmyy);
}

before(async () => {
  browser = await launch();
  const amina = await apiAs('amina');
  const purpose = 'border-control';
  const up = await amina('POST', '/v1/manifests', { raw: flyingToday(), purpose });
  assert.ok(up.status < 300, `upload: ${up.status} ${up.text}`);
  const open = await amina('GET', '/v1/alerts?status=open&limit=1', { purpose });
  assert.equal(open.status, 200, open.text);
  decided = open.json.alerts[0];
  assert.ok(decided, 'the seed raised alerts');
  const r = await amina('POST', `/v1/alerts/${decided.id}/decide`, {
    body: { decision: 'false-positive', justification: 'Another person: other date of birth.' },
    purpose,
  });
  assert.equal(r.status, 200, r.text);
});
after(async () => browser?.close());

test('the dashboard shows coverage, false positives by list, and exports CSV', async () => {
  const page = await signedInPage(browser, 'lena', { path: '/indicators' });
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  const coverage = page.getByTestId('tile-coverage');
  await coverage.waitFor();
  assert.match(await coverage.innerText(), /\d+(\.\d+)?%/, 'coverage is a percentage');
  const arriving = await page.getByTestId('tile-arriving').innerText();
  assert.match(arriving, /[1-9]/, 'arriving travellers counted');

  const row = page.getByTestId('by-list').locator(`tr[data-list="${decided.list}"]`);
  const fp = Number((await row.getByTestId('fp-count').innerText()).replace(/\D/g, ''));
  assert.ok(fp >= 1, `false positives for ${decided.list}: ${fp}`);
  assert.match(await row.locator('td').last().innerText(), /%/, 'a false-positive rate');
  await page.locator('.chart-box canvas').first().waitFor();
  assert.equal(await page.locator('.chart').count(), 3);

  // The period lives in the address.
  await page.locator('select[name=bucket]').selectOption('day');
  assert.match(page.url(), /bucket=day/);
  await page.locator('.series-table tbody tr').nth(30).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const header = csv.split(/\r?\n/)[0];
  assert.match(header, /period/);
  assert.ok(csv.split(/\r?\n/).filter(Boolean).length > 1, 'rows under the header');
  await screenshot(page, 'indicators-dashboard-en');

  // Print: no navigation, a title with the period.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.sidenav').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
  assert.match(await page.locator('.print-title').innerText(), /indicators/i);
  await screenshot(page, 'indicators-print-en');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.problems, []);
});

test('the dashboard in Arabic', async () => {
  const page = await signedInPage(browser, 'lena', { locale: 'ar', path: '/indicators' });
  await page.getByRole('heading', { name: 'المؤشرات', level: 1 }).waitFor();
  await page.getByTestId('tile-coverage').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  // Time still runs left to right inside the charts.
  assert.equal(await page.locator('.chart-box').first().getAttribute('dir'), 'ltr');
  await page.locator('.chart-box canvas').first().waitFor();
  await screenshot(page, 'indicators-dashboard-ar');
  assert.deepEqual(page.problems, []);
});
