// Lists and designations: the UN list with its version and counts; a small
// national list imported twice by a list manager and the difference between
// the two versions, entry by entry; a designation proposed by one list
// manager, refused to her own approval, approved by another and published.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, choosePurpose, launch, screenshot, signedInPage } from '../lib.mjs';

const PURPOSE = 'list-management';
const ftm = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const person = (id, properties) => ({ id, schema: 'Person', properties });
const hamid = (birthDate) =>
  person('1', {
    name: ['Hamid Yusuf al-Mutairi'],
    alias: ['حامد يوسف المطيري'],
    birthDate: [birthDate],
    nationality: ['kw'],
  });
// Version 2 removes Salem, adds Fahad, and gives Hamid's full date of birth.
const V1 = ftm([
  hamid('1975'),
  person('2', {
    name: ['Salem Nasser'],
    birthDate: ['1980-04-02'],
    nationality: ['kw'],
    passportNumber: ['K1234567'],
  }),
]);
const V2 = ftm([hamid('1975-03-01'), person('3', { name: ['Fahad Ali'], nationality: ['sa'] })]);

// Console errors, but the 401 of asking who is signed in before signing in.
const problems = (page) => page.problems.filter((p) => !p.includes('status of 401'));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

// Imports `text` as kw-national through the import form of the page shown.
async function importFile(page, text, withListId) {
  if (withListId) await page.getByLabel('List id').fill('kw-national');
  await page.getByLabel('Format').selectOption('ftm-json');
  await page.getByLabel('List file', { exact: true }).setInputFiles({
    name: 'kw-national.jsonl',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  return page.getByTestId('import-summary').innerText();
}

test('the lists with their active version and counts', async () => {
  const lists = await (await apiAs('amina'))('GET', '/v1/lists');
  const un = lists.json.lists.find((l) => l.list === 'un');
  const page = await signedInPage(browser, 'amina', { path: '/lists' });
  const row = page.getByTestId('lists').locator('tr[data-list="un"]');
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[1], String(un.active.version));
  assert.equal(cells[2], 'un-xml');
  assert.equal(cells[5], un.active.entities.toLocaleString('en-GB'));
  assert.equal(await page.getByRole('heading', { name: 'Import a list file' }).count(), 0);
  await screenshot(page, 'lists-all-en');
  assert.deepEqual(problems(page), []);
});

test('a list manager imports two versions and sees what changed', async () => {
  const page = await signedInPage(browser, 'lena', { path: '/lists' });
  await choosePurpose(page, PURPOSE);
  assert.match(await importFile(page, V1, true), /of list kw-national imported/);
  await page.getByRole('link', { name: 'See its versions and changes' }).click();
  await page.getByRole('heading', { name: 'List kw-national' }).waitFor();
  await page.getByText('This list has a single version').waitFor();

  const summary = await importFile(page, V2, false);
  assert.match(summary, /Entries: 1 added, 1 changed, 1 removed \(2 in all\)/);
  assert.match(summary, /Alerts raised: \d+/);
  const diff = page.getByTestId('diff');
  await diff.waitFor();
  assert.match(await page.getByTestId('diff-added').innerText(), /kw-national:3/);
  assert.match(await page.getByTestId('diff-removed').innerText(), /kw-national:2/);
  const changed = page.getByTestId('diff-changed');
  assert.match(await changed.innerText(), /kw-national:1\s*dates of birth/);

  // The server's own account of the two versions.
  const lena = await apiAs('lena');
  const versions = (await lena('GET', '/v1/lists/kw-national/versions')).json.versions;
  assert.equal(versions.length, 2);
  const [to, from] = versions.map((v) => v.version);
  assert.match(await diff.innerText(), new RegExp(`From version ${from} to version ${to}`));

  // An entry opens beside the difference, with its names in both scripts.
  await changed.getByRole('link', { name: 'kw-national:1' }).click();
  const entry = page.getByTestId('entity');
  await entry.getByText('حامد يوسف المطيري').waitFor();
  assert.match(await entry.innerText(), /Hamid Yusuf al-Mutairi[\s\S]*Mar 1, 1975[\s\S]*Kuwait/);
  assert.match(page.url(), /entity=kw-national%3A1|entity=kw-national:1/);
  // A removed entry opens as the older version published it.
  await page.getByTestId('diff-removed').getByRole('link', { name: 'kw-national:2' }).click();
  await page.waitForURL(new RegExp(`entity_version=${from}`));
  await page.getByTestId('entity').waitFor();
  await screenshot(page, 'lists-diff-en');

  // The versions are chosen in the address: the same version twice differs in nothing.
  await page.getByLabel('From version').selectOption(String(to));
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByText('No entry differs between these versions.').waitFor();
  assert.match(page.url(), new RegExp(`from=${to}&to=${to}`));
  assert.deepEqual(problems(page), []);

  const ar = await signedInPage(browser, 'lena', {
    locale: 'ar',
    path: `/lists/kw-national?from=${from}&to=${to}&entity=kw-national:1`,
  });
  await choosePurpose(ar, PURPOSE);
  await ar.getByTestId('diff-changed').getByText('تواريخ الميلاد').waitFor();
  await ar.getByTestId('entity').getByText('حامد يوسف المطيري').waitFor();
  assert.equal(await ar.evaluate(() => document.documentElement.dir), 'rtl');
  await screenshot(ar, 'lists-diff-ar');
  assert.deepEqual(problems(ar), []);
});

test('a designation: proposed, refused to its author, approved by another, published', async () => {
  const name = 'Khalid Saad al-Azmi';
  const lena = await signedInPage(browser, 'lena', { path: '/designations' });
  await choosePurpose(lena, PURPOSE);
  await lena.getByRole('button', { name: 'New proposal' }).click();
  await lena.getByLabel('List id').fill('kw-1373');
  await lena.getByLabel('Name', { exact: true }).fill(name);
  await lena.getByLabel(/^Aliases/).fill('خالد سعد العازمي');
  await lena.getByLabel('Date of birth').fill('1982-05-01');
  await lena.getByLabel('Nationality').fill('Kuwait');
  await lena.getByLabel(/^Documents/).fill('K7654321:KW');
  await lena.getByLabel('Statement of reasons').fill('Finances a designated group (case 2026/14).');
  await lena.getByLabel(/^Evidence references/).fill('State security file 2026/14');
  await lena.getByRole('button', { name: 'Propose', exact: true }).click();
  await lena.getByText(/Proposal \d+ recorded/).waitFor();
  const id = new URL(lena.url()).searchParams.get('id');
  assert.ok(id, 'the proposal is chosen in the address');

  const proposal = lena.getByTestId('proposal');
  await proposal.getByText('خالد سعد العازمي').waitFor();
  assert.ok(await proposal.getByRole('button', { name: 'Approve' }).isDisabled());
  await proposal.getByText(/^You made this proposal: another list manager must approve/).waitFor();
  await screenshot(lena, 'designations-proposed-en');
  // The server refuses it too.
  const own = await (await apiAs('lena'))('POST', `/v1/designations/${id}/approve`, {
    body: {},
    purpose: PURPOSE,
  });
  assert.equal(own.status, 403);
  assert.match(own.json.type, /four-eyes/);

  const layla = await signedInPage(browser, 'layla', { path: `/designations?id=${id}` });
  await choosePurpose(layla, PURPOSE);
  const theirs = layla.getByTestId('proposal');
  await theirs.getByRole('button', { name: 'Approve' }).click();
  await theirs.getByTestId('proposal-state').getByText('Approved').waitFor();
  assert.deepEqual(problems(layla), []);

  await lena.reload();
  await proposal.getByRole('button', { name: 'Publish list kw-1373' }).click();
  const published = await lena.getByTestId('published').innerText();
  const version = Number(published.match(/as version (\d+)/)[1]);
  assert.match(published, /1 added/);
  await proposal.getByTestId('proposal-state').getByText('Published').waitFor();
  await screenshot(lena, 'designations-published-en');

  const lists = await (await apiAs('amina'))('GET', '/v1/lists');
  const kw = lists.json.lists.find((l) => l.list === 'kw-1373');
  assert.equal(kw.active.version, version);
  assert.equal(kw.active.entities, 1);
  const layla2 = await apiAs('layla');
  const shown = await layla2('GET', `/v1/designations/${id}`, { purpose: PURPOSE });
  assert.deepEqual(
    shown.json.events.map((e) => [e.action, e.actor]),
    [
      ['proposed', 'lena'],
      ['approved', 'layla'],
      ['published', 'lena'],
    ],
  );
  assert.deepEqual(problems(lena), []);

  const ar = await signedInPage(browser, 'layla', {
    locale: 'ar',
    path: `/designations?id=${id}`,
  });
  await choosePurpose(ar, PURPOSE);
  await ar.getByTestId('proposal-state').getByText('منشور').waitFor();
  await screenshot(ar, 'designations-ar');
  assert.deepEqual(problems(ar), []);
});
