// Flights: a real PAXLST whose travellers include listed people, uploaded by
// an analyst (refer rows with the listed person named and the alert linked)
// and by a border officer (refer without a name); a PNRGOV; the past flights
// list and one past flight, in English and Arabic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiAs, choosePurpose, launch, REPO, screenshot, signedInPage } from '../lib.mjs';

const PAXLST = join(REPO, 'data/sample/paxlst-xx101.edi');
const PNRGOV = join(REPO, 'tests/data/travel/pnrgov/sq602_v11_1.edi');
const LISTED = 'AIMAN MUHAMMED RABI AL-ZAWAHIRI'; // un:111923, as the UN list names him

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

// Uploads `file` through the file input and waits for the travellers.
async function upload(page, file) {
  await page.getByLabel('Message file').setInputFiles(file);
  await page.getByRole('table', { name: 'Travellers of the flight' }).waitFor();
}

// A traveller's row, by the name in its name cell (a co-traveller's row names them too).
const row = (page, name) =>
  page.getByTestId('traveller').filter({ has: page.getByRole('cell', { name, exact: true }) });
// Console errors, but the 401 of asking who is signed in before signing in.
const problems = (page) => page.problems.filter((p) => !p.includes('status of 401'));

test('an analyst uploads a PAXLST: refers name the listed person, link the alert', async () => {
  const page = await signedInPage(browser, 'amina', { path: '/flights' });
  await choosePurpose(page, 'border-control');
  await upload(page, PAXLST);

  const ayman = row(page, 'AYMAN AL-ZAWAHIRI');
  await ayman.getByText('Refer', { exact: true }).waitFor();
  assert.match(await ayman.innerText(), new RegExp(LISTED));
  assert.match(await ayman.getByTestId('hit').innerText(), /un:111923/);
  await row(page, 'OLIVIA SMITH-JONES').getByText('Clear', { exact: true }).waitFor();
  await row(page, 'IRINA IVANOVA').getByText('Document expired').waitFor();
  assert.match(await page.getByTestId('case-reference').innerText(), /^HUD-\d+$/);

  // The traveller's alert, as the server recorded it.
  const alertLink = ayman.getByRole('link', { name: /^Alert \d+$/ });
  const href = await alertLink.getAttribute('href');
  const amina = await apiAs('amina');
  const alert = await amina('GET', `/v1${href}`, { purpose: 'border-control' });
  assert.equal(alert.status, 200, alert.text);
  assert.equal(alert.json.entity_id, 'un:111923');
  await screenshot(page, 'flights-manifest-en');

  // Only the referred travellers, kept in the address.
  await page.getByLabel('Only referred travellers').check();
  assert.match(page.url(), /only=refer/);
  assert.equal(await page.getByTestId('traveller').count(), 4);
  assert.deepEqual(problems(page), []);
});

test('a PNRGOV shows its travellers, and the past flights list has both flights', async () => {
  const page = await signedInPage(browser, 'amina', { path: '/flights' });
  await choosePurpose(page, 'border-control');
  await upload(page, PNRGOV);
  for (const name of ['AHMED AL HASHIMI', 'FATEMEH KARIMI', 'REZA KARIMI']) {
    await row(page, name).waitFor();
  }
  await page.getByText('PNR (PNRGOV)').first().waitFor();

  const past = page.getByTestId('past-flights');
  await past.getByRole('link', { name: 'SQ602 SIN-ICN 2013-05-27' }).waitFor();
  const xx101 = past.getByRole('link', { name: 'XX101 DYU-KWI 2024-11-04' });
  await xx101.waitFor();

  // The dates narrow the list, in the address.
  await page.getByLabel('Departure from').fill('2024-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  assert.match(page.url(), /from=2024-01-01/);
  await past.getByRole('link', { name: 'SQ602 SIN-ICN 2013-05-27' }).waitFor({ state: 'detached' });

  // One past flight, screened again now.
  await xx101.click();
  await page.getByText('Screened again now', { exact: false }).waitFor();
  await row(page, 'FLORIBERT NGABU NJABU').getByText('Refer', { exact: true }).waitFor();
  assert.match(page.url(), /\/flights\/\d+$/);

  const kept = await (await apiAs('amina'))('GET', '/v1/manifests', { purpose: 'border-control' });
  const flights = kept.json.manifests.map((m) => m.flight);
  assert.ok(flights.includes('SQ602 SIN-ICN 2013-05-27'), flights.join(', '));
  assert.deepEqual(problems(page), []);
});

test('a border officer sees refer without the listed person, and no past flights', async () => {
  const page = await signedInPage(browser, 'omar', { path: '/flights' });
  await choosePurpose(page, 'border-control');
  await upload(page, PAXLST);
  const ayman = row(page, 'AYMAN AL-ZAWAHIRI');
  await ayman.getByText('Refer', { exact: true }).waitFor();
  await ayman.getByText('possible watchlist match').waitFor();
  const text = await page.getByRole('main').innerText();
  assert.doesNotMatch(text, new RegExp(LISTED));
  assert.doesNotMatch(text, /un:\d+/);
  assert.equal(await page.getByTestId('hit').count(), 0);
  assert.equal(await page.getByTestId('past-flights').count(), 0);
  assert.match(await page.getByTestId('case-reference').innerText(), /^HUD-\d+$/);
  await screenshot(page, 'flights-manifest-officer-en');

  // The server gives the officer no more than the screen shows.
  const omar = await apiAs('omar');
  const answer = await omar('POST', '/v1/manifests', {
    raw: readFileSync(PAXLST),
    purpose: 'border-control',
  });
  assert.equal(answer.status, 200, answer.text);
  assert.ok(answer.json.travellers.every((t) => t.hits.length === 0));
  assert.deepEqual(problems(page), []);
});

test('the manifest view in Arabic, right to left', async () => {
  const amina = await apiAs('amina');
  const kept = await amina('GET', '/v1/manifests', { purpose: 'border-control' });
  const xx101 = kept.json.manifests.find((m) => m.flight === 'XX101 DYU-KWI 2024-11-04');
  assert.ok(xx101, 'XX101 is kept');
  const page = await signedInPage(browser, 'amina', { locale: 'ar', path: `/flights/${xx101.id}` });
  await choosePurpose(page, 'border-control');
  await page.getByRole('table', { name: 'مسافرو الرحلة' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await row(page, 'AYMAN AL-ZAWAHIRI').getByText('إحالة', { exact: true }).waitFor();
  await row(page, 'AYMAN AL-ZAWAHIRI').getByTestId('hit').waitFor();
  await screenshot(page, 'flights-manifest-ar');
  assert.deepEqual(problems(page), []);
});
