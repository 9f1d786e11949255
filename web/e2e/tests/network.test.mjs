// The network screen: PNRGOV messages uploaded by an analyst become a graph
// of travellers, bookings, flights, documents and cards that she draws,
// expands, filters and exports; a payment card never shows its number.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiAs, choosePurpose, launch, REPO, screenshot, signedInPage } from '../lib.mjs';

const PURPOSE = 'border-control';
let browser;
let amina;
const manifests = {};

async function upload(file) {
  const raw = readFileSync(join(REPO, 'tests/data/travel/pnrgov', file), 'utf8');
  const r = await amina('POST', '/v1/manifests', { raw, purpose: PURPOSE });
  assert.ok(r.status === 200 || r.status === 201, `upload ${file}: ${r.status} ${r.text}`);
  return r.json.manifest;
}

const network = (node, depth = 1) =>
  amina('GET', `/v1/network?node=${encodeURIComponent(node)}&depth=${depth}`, { purpose: PURPOSE });

async function openGraph(page, node, depth = 1) {
  const path = `/network?node=${encodeURIComponent(node)}&depth=${depth}`;
  await page.goto(new URL(path, page.url()).href);
  await choosePurpose(page, PURPOSE);
  const count = page.getByTestId('graph-count');
  await count.waitFor();
  await page.locator('.graph-canvas canvas').first().waitFor();
  return count;
}

const shown = async (count) => ({
  nodes: Number(await count.getAttribute('data-nodes')),
  edges: Number(await count.getAttribute('data-edges')),
});

before(async () => {
  browser = await launch();
  amina = await apiAs('amina');
  manifests.group = await upload('group_v11_1.edi');
  manifests.checkin = await upload('checkin_v11_1.edi');
  manifests.sq602 = await upload('sq602_v11_1.edi');
});
after(async () => browser?.close());

test('a booking draws its travellers; expanding, filtering and exporting work', async () => {
  // The group booking, found through the API from the uploaded manifest's
  // first passenger (entry 0 is the group's name, which names the booking).
  const fromTraveller = await network(`traveller:${manifests.group}:1`);
  assert.equal(fromTraveller.status, 200, fromTraveller.text);
  const booking = fromTraveller.json.nodes.find((n) => n.type === 'booking');
  assert.ok(booking, 'the traveller is linked to a booking');
  const base = (await network(booking.id)).json;
  const travellers = base.nodes.filter((n) => n.type === 'traveller');
  assert.equal(travellers.length, 3, 'the group booking holds three travellers');
  assert.equal(booking.properties.group, 'SILK ROAD TOURS', 'the group name names the booking');
  // A traveller whose own links are not all in the booking's graph.
  const ids = new Set(base.nodes.map((n) => n.id));
  let grows = null;
  for (const tr of travellers) {
    const g = (await network(tr.id)).json;
    if (g.nodes.some((n) => !ids.has(n.id))) grows = tr;
    if (grows) break;
  }
  assert.ok(grows, 'some traveller links to more than the booking');

  const page = await signedInPage(browser, 'amina');
  const count = await openGraph(page, booking.id);
  const first = await shown(count);
  assert.equal(first.nodes, base.nodes.length);
  assert.ok(first.edges >= travellers.length, 'each traveller is linked to the booking');
  for (const tr of travellers) {
    await page.locator('.graph-tables tr', { hasText: tr.id }).first().waitFor();
  }
  await screenshot(page, 'network-booking-en');

  // Expand, from the keyboard-reachable button of the traveller's row.
  const row = page.locator('.graph-tables tbody tr', { hasText: grows.id });
  await row.getByRole('button', { name: 'Expand' }).click();
  await page.getByRole('status').filter({ hasText: 'nodes added' }).waitFor();
  const expanded = await shown(count);
  assert.ok(expanded.nodes > first.nodes, `expand adds nodes: ${first.nodes} -> ${expanded.nodes}`);
  assert.ok(expanded.edges > first.edges);
  // The side panel shows the selected node.
  await page.locator('.node-panel').getByText(grows.id).waitFor();

  // Hiding travellers hides them and their links.
  await page.getByRole('checkbox', { name: 'Traveller' }).uncheck();
  const filtered = await shown(count);
  assert.ok(filtered.nodes <= expanded.nodes - travellers.length, 'travellers hidden');
  assert.ok(filtered.edges < expanded.edges);
  assert.equal(await page.locator('.graph-tables tbody tr', { hasText: grows.id }).count(), 0);
  assert.match(page.url(), /types=/, 'the filter is in the address');
  await page.getByRole('checkbox', { name: 'Traveller' }).check();
  assert.deepEqual(await shown(count), expanded);

  // GraphML of what is shown: valid XML, with its keys, nodes and links.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export GraphML' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.graphml$/);
  const xml = readFileSync(await download.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      keys: doc.getElementsByTagName('key').length,
      nodes: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id')),
      edges: doc.getElementsByTagName('edge').length,
    };
  }, xml);
  assert.equal(parsed.error, false, 'GraphML parses');
  assert.ok(parsed.keys >= 5);
  assert.equal(parsed.nodes.length, expanded.nodes);
  assert.equal(parsed.edges, expanded.edges);
  for (const tr of travellers) assert.ok(parsed.nodes.includes(tr.id), `${tr.id} exported`);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(exported.nodes.length, expanded.nodes);
  assert.deepEqual(page.problems, []);
});

test('a payment card never shows its number', async () => {
  const g = await network(`traveller:${manifests.sq602}:0`, 2);
  assert.equal(g.status, 200, g.text);
  const card = g.json.nodes.find((n) => n.type === 'card');
  assert.ok(card, 'the traveller paid with a card');
  assert.doesNotMatch(JSON.stringify(card), /4571XXXXXXXX1234|\d{12,}/);

  const page = await signedInPage(browser, 'amina');
  await openGraph(page, `traveller:${manifests.sq602}:0`, 2);
  const row = page.locator('.graph-tables tbody tr', { hasText: card.id });
  await row.getByRole('button', { name: 'Show' }).click();
  const panel = page.locator('.node-panel');
  await panel.getByText(card.id).waitFor();
  const text = await panel.innerText();
  assert.doesNotMatch(text, /4571XXXXXXXX1234|\d{12,}/, 'no full card number');
  assert.match(text, /1234/, 'the last four digits are shown');
  assert.doesNotMatch(await page.locator('main').innerText(), /4571XXXXXXXX1234/);
  await screenshot(page, 'network-card-en');
});

test('the graph in Arabic: right to left around a left-to-right canvas', async () => {
  const page = await signedInPage(browser, 'amina', { locale: 'ar' });
  const count = await openGraph(page, `traveller:${manifests.checkin}:0`, 2);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.ok((await shown(count)).nodes >= 3);
  await page.getByRole('heading', { name: 'العقد' }).waitFor();
  await page.getByRole('button', { name: 'تصدير GraphML' }).waitFor();
  await screenshot(page, 'network-graph-ar');
  assert.deepEqual(page.problems, []);
});
