// The data-protection officer's screens (audit trail and chain, unmasking
// under four eyes, redress, notifications), the partner's shared screen, and
// what the admin and the border officer are (not) shown.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { apiAs, choosePurpose, launch, navLabels, screenshot, signedInPage } from '../lib.mjs';

let browser;
let amina, dpo, omar;
before(async () => {
  browser = await launch();
  [amina, dpo, omar] = await Promise.all([apiAs('amina'), apiAs('dpo'), apiAs('omar')]);
});
after(() => browser?.close());

// Calls the API with `purpose`; anything but a success fails the test.
async function ok(call, method, path, purpose, body) {
  const r = await call(method, path, { body, purpose });
  assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${r.text}`);
  return r.json;
}

// Open monitoring alerts nobody has touched (held subjects: never masked),
// from deep in the queue: other test files work from its head.
async function openAlerts(n) {
  const path = '/v1/alerts?status=open&source=monitoring&unassigned=true&limit=200';
  return (await ok(amina, 'GET', path, 'fiu-analysis')).alerts.slice(-n);
}

// The trail's first record on the screen.
const TOP = 'table.audit-table tbody tr';

test('the DPO sees amina’s readings with their purposes, and the chain intact', async () => {
  const [alert] = await openAlerts(1);
  await ok(amina, 'GET', `/v1/alerts/${alert.id}`, 'ct-investigation');
  // Enough readings for two pages of the trail.
  for (let i = 0; i < 25; i++) await ok(amina, 'GET', '/v1/alerts?limit=5', 'fiu-analysis');

  const page = await signedInPage(browser, 'dpo', { path: '/audit?actor=amina' });
  const banner = page.getByTestId('audit-verify');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-ok'), 'true');
  assert.match(await banner.innerText(), /The chain is intact: [\d,]+ records checked/);
  assert.match(await page.getByTestId('audit-masked').innerText(), /records are masked/);

  await choosePurpose(page, 'audit');
  const rows = page.locator('table.audit-table tbody tr');
  const reading = rows.filter({ hasText: `alert:${alert.id}` }).first();
  await reading.waitFor();
  const cells = await reading.locator('td').allInnerTexts();
  assert.deepEqual(cells.slice(2, 6), ['amina', 'Analyst', 'ct-investigation', 'consultation']);
  await rows.filter({ hasText: 'fiu-analysis' }).first().waitFor();
  // Only amina's records, as the address asks.
  const who = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2].textContent));
  assert.ok(who.every((w) => w === 'amina'), `others in amina's trail: ${who}`);
  await screenshot(page, 'audit-trail-en');

  // The filters live in the address: an action filter through the form.
  await page.locator('#audit-action').selectOption('consultation');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/action=consultation/);
  assert.match(page.url(), /actor=amina/);

  // The DPO's reading of the trail is itself recorded.
  const path = '/v1/audit?actor=dpo&object=audit_log&limit=5';
  const mine = await ok(dpo, 'GET', path, 'audit');
  assert.ok(mine.records.some((r) => r.purpose === 'audit' && r.detail.includes('actor=amina')));

  // Older pages follow on without a gap or an overlap.
  const seqs = () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.seq)));
  await page.goto(page.url().replace(/\?.*/, '?limit=20'));
  await rows.nth(19).waitFor();
  const first = await seqs();
  assert.equal(first.length, 20);
  await page.getByRole('button', { name: 'Older records' }).click();
  await page.waitForFunction(([top, n]) => document.querySelector(top)?.dataset.seq < n, [
    TOP,
    first.at(-1),
  ]);
  assert.equal((await seqs())[0], first.at(-1) - 1);
  await page.getByRole('button', { name: 'Back to the newest' }).click();
  await page.waitForFunction(([top, n]) => document.querySelector(top)?.dataset.seq >= n, [
    TOP,
    first[0],
  ]);

  await page.goto(page.url() + '&actor=amina&lang=ar');
  await page.getByTestId('audit-verify').waitFor();
  assert.match(await page.getByTestId('audit-verify').innerText(), /السلسلة سليمة/);
  await rows.first().waitFor();
  await screenshot(page, 'audit-trail-ar');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('amina asks to unmask a depersonalised alert, the DPO approves, amina reads it', async () => {
  // A border officer's refer becomes an alert on a traveller; a retention
  // run dated seven months ahead depersonalises it (and every other
  // traveller record that exists now: later test files make their own).
  const query = { name: 'Mokhtar Belmokhtar', dob: '1972' };
  const refer = await ok(omar, 'POST', '/v1/screen', 'border-control', query);
  assert.equal(refer.decision, 'refer');
  const path = `/v1/alerts?case=${refer.reference}`;
  const alertId = (await ok(amina, 'GET', path, 'ct-investigation')).alerts[0].id;
  const ahead = new Date(Date.now() + 210 * 86400e3).toISOString().slice(0, 10);
  const db = process.env.HUDUD_E2E_DB;
  execFileSync(process.env.HUDUD_BIN, ['retention', 'run', '--db', db, '--now', ahead], {
    stdio: 'pipe',
  });
  const masked = await ok(amina, 'GET', `/v1/alerts/${alertId}`, 'ct-investigation');
  assert.equal(masked.depersonalised, true);

  // amina files the request (the object can come in the address).
  const ap = await signedInPage(browser, 'amina', { path: `/unmask?object=alert:${alertId}` });
  await choosePurpose(ap, 'ct-investigation');
  assert.equal(await ap.locator('#unmask-object').inputValue(), `alert:${alertId}`);
  await ap.locator('#unmask-reason').fill('Case 2026/311: the identity is needed for the file');
  await ap.getByRole('button', { name: 'Send the request' }).click();
  const filed = await ap.locator('.ok-note').innerText();
  const requestId = Number(filed.match(/Request no\. (\d+)/)[1]);
  const row = ap.getByTestId(`unmask-${requestId}`);
  await row.waitFor();
  assert.match(await row.innerText(), /pending/);
  // An analyst decides nothing: no approval controls, and the server refuses.
  assert.equal(await row.getByRole('button', { name: 'Approve' }).count(), 0);
  const self = await amina('POST', `/v1/unmask-requests/${requestId}/approve`, {
    body: { note: 'mine' },
    purpose: 'ct-investigation',
  });
  assert.equal(self.status, 403);
  await screenshot(ap, 'audit-unmask-request-en');

  // The DPO is notified (the count beside Notifications), sees every
  // request and approves this one.
  const dp = await signedInPage(browser, 'dpo', { path: '/unmask' });
  await dp.getByTestId('unread-count').waitFor();
  await choosePurpose(dp, 'data-protection');
  assert.equal(await dp.locator('#unmask-object').count(), 0, 'the DPO files no requests');
  const drow = dp.getByTestId(`unmask-${requestId}`);
  await drow.waitFor();
  assert.match(await drow.innerText(), /amina/);
  await drow.locator(`#unmask-note-${requestId}`).fill('Proportionate to the case; one hour.');
  await drow.locator(`#unmask-validity-${requestId}`).selectOption('3600');
  await screenshot(dp, 'audit-unmask-decide-en');
  await drow.getByRole('button', { name: 'Approve' }).click();
  await drow.locator('.badge.approved').waitFor();
  assert.match(await drow.innerText(), /Proportionate to the case/);
  // The DPO cannot make a request of their own, so cannot approve one.
  const own = await dpo('POST', '/v1/unmask-requests', {
    body: { object: `alert:${alertId}`, reason: 'The DPO asking for themself' },
    purpose: 'data-protection',
  });
  assert.equal(own.status, 403);
  await dp.goto(dp.url() + '?lang=ar');
  await dp.getByTestId(`unmask-${requestId}`).waitFor();
  await screenshot(dp, 'audit-unmask-ar');

  // amina reads the original: the name as screened, unmasked, and recorded.
  await ap.reload();
  const mine = ap.getByTestId(`unmask-${requestId}`);
  await mine.getByRole('button', { name: 'Read the original' }).click();
  const original = ap.getByTestId('unmasked');
  await original.locator('.name-original').first().waitFor();
  assert.match(await original.innerText(), /Mokhtar Belmokhtar/);
  await screenshot(ap, 'audit-unmask-read-en');
  const trail = `/v1/audit?actor=amina&action=unmasking&object=alert:${alertId}`;
  assert.equal((await ok(dpo, 'GET', trail, 'audit')).records.length, 1);
  assert.deepEqual(ap.problems, []);
  assert.deepEqual(dp.problems, []);
  await ap.context().close();
  await dp.context().close();
});

test('the DPO marks a notification read and the count goes down', async () => {
  const page = await signedInPage(browser, 'dpo', { path: '/notifications?unread=true' });
  const count = page.getByTestId('unread-count').locator('[aria-hidden]');
  await count.waitFor();
  const unread = Number(await count.innerText());
  const first = page.locator('ul.notifications li').first();
  await first.waitFor();
  assert.match(await first.innerText(), /Unmasking|Original read/);
  await screenshot(page, 'audit-notifications-en');
  await first.getByRole('button', { name: 'Mark as read' }).click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=unread-count] [aria-hidden]')?.textContent === n,
    String(unread - 1),
  );
  await page.goto(page.url() + '&lang=ar');
  await page.locator('ul.notifications').waitFor();
  await screenshot(page, 'audit-notifications-ar');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the DPO records, reviews and clears a redress request; its alert is cleared', async () => {
  const [alert] = await openAlerts(2);
  const page = await signedInPage(browser, 'dpo', { path: '/redress' });
  await choosePurpose(page, 'redress');
  await page.getByText('Record a request').click();
  await page.locator('#redress-requester').fill('عبد الله الأنصاري');
  await page.locator('#redress-contact').fill('+965 2222 0000');
  await page.locator('#redress-description').fill('Stopped twice at the airport: not him.');
  await page.locator('#redress-alerts').fill(String(alert.id));
  await page.getByRole('button', { name: 'Record the request' }).click();
  const ref = (await page.locator('.ok-note').first().innerText()).match(/RDR-\d+/)[0];
  const detail = page.getByTestId('redress-detail');
  await detail.waitFor();
  assert.match(await detail.innerText(), new RegExp(`#${alert.id}`));
  await detail.getByRole('button', { name: 'Start the review' }).click();
  await detail.locator('#redress-resolve-state').waitFor();
  const clears = await detail.getByTestId('redress-clears').innerText();
  assert.match(clears, new RegExp(`false positives: #${alert.id}`));
  await detail.locator('#redress-outcome').fill('Not the listed person: other date of birth.');
  await screenshot(page, 'audit-redress-en');
  await detail.getByRole('button', { name: 'Resolve' }).click();
  await detail.locator('.badge.cleared').first().waitFor();
  await page.getByTestId(`redress-${ref}`).filter({ hasText: 'cleared' }).waitFor();

  const cleared = await ok(amina, 'GET', `/v1/alerts/${alert.id}`, 'fiu-analysis');
  assert.equal(cleared.decision, 'false-positive');
  await page.goto(page.url() + '&lang=ar');
  await page.getByTestId('redress-detail').waitFor();
  await screenshot(page, 'audit-redress-ar');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the partner sees what was shared with its organisation, and nothing else', async () => {
  const [alert] = await openAlerts(3);
  await ok(amina, 'POST', `/v1/alerts/${alert.id}/decide`, 'sanctions-compliance', {
    decision: 'confirmed',
    justification: 'Name, date of birth and nationality agree with the entry.',
  });
  await ok(amina, 'POST', `/v1/alerts/${alert.id}/share`, 'international-cooperation', {
    partner: 'bank-a',
    reason: 'Freeze request under resolution 2253 (e2e)',
  });
  const page = await signedInPage(browser, 'bank');
  assert.deepEqual(await navLabels(page), ['Shared with us', 'Good practices', 'Notifications']);
  assert.match(page.url(), /\/shared/, 'the partner lands on what was shared');
  await choosePurpose(page, 'international-cooperation');
  const card = page.locator('article', { hasText: 'Freeze request under resolution 2253 (e2e)' });
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /confirmed match/);
  assert.ok(text.includes(alert.entity_id), `entry ${alert.entity_id} in ${text}`);
  await screenshot(page, 'audit-shared-en');
  await page.goto(page.url() + '?lang=ar');
  await page.locator('article').first().waitFor();
  await screenshot(page, 'audit-shared-ar');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the admin has no alerts; the border officer sees only his four screens', async () => {
  const root = await signedInPage(browser, 'root');
  const rootNav = await navLabels(root);
  assert.ok(!rootNav.includes('Alerts'), `admin navigation: ${rootNav}`);
  await root.goto(new URL('/alerts', root.url()).href);
  await root.getByText('There is no such screen.').waitFor();
  await root.context().close();

  const officer = await signedInPage(browser, 'omar');
  const expected = ['Screen', 'Flights', 'Good practices', 'Notifications'];
  assert.deepEqual(await navLabels(officer), expected);
  await officer.context().close();
});
