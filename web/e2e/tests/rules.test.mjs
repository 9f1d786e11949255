// Targeting rules: an analyst writes a rule (a bad condition shows the
// server's parse error under the editor), tests it against past flights,
// is refused the activation of her own version, and another analyst
// activates it (and retires it again, so later tests screen without it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiAs, choosePurpose, launch, REPO, screenshot, signedInPage } from '../lib.mjs';

const RULE = 'e2e-egyptian-travellers';
const PURPOSE = 'border-control';

// Console errors, but the 401 of asking who is signed in before signing in.
const problems = (page) => page.problems.filter((p) => !p.includes('status of 401'));

let browser;
before(async () => {
  browser = await launch();
  // A past flight to test against (kept once, whoever sent it before).
  const amina = await apiAs('amina');
  const raw = readFileSync(join(REPO, 'data/sample/paxlst-xx101.edi'));
  const r = await amina('POST', '/v1/manifests', { raw, purpose: PURPOSE });
  assert.equal(r.status, 200, r.text);
});
after(async () => browser?.close());

const ruleRow = (page, version) =>
  page.locator(`tr[data-rule="${RULE}"][data-version="${version}"]`);

test('an analyst writes, tests, and may not activate her own rule', async () => {
  const page = await signedInPage(browser, 'amina', { path: '/rules' });
  const insert = page.getByRole('button', {
    name: 'Insert traveller.nationality into the condition',
  });
  await insert.waitFor();
  const condition = page.getByLabel('Condition', { exact: true });
  await page.getByLabel('Name', { exact: true }).fill(RULE);
  await condition.fill('traveller.nationality = EG\n  and bags.count => 1');
  await page
    .getByLabel('Justification', { exact: true })
    .fill('Exercise: travellers holding Egyptian nationality.');
  await page.getByLabel('Owner (unit)').fill('PIU Kuwait');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  const error = page.getByTestId('parse-error');
  await error.waitFor();
  assert.match(await error.innerText(), /line 2, column \d+/);
  assert.equal(await condition.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'rules-parse-error-en');

  // The fields panel inserts at the cursor.
  await condition.fill('');
  await insert.click();
  await condition.pressSequentially('= EG');
  assert.equal(await condition.inputValue(), 'traveller.nationality = EG');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByText(/Version 1 of e2e-egyptian-travellers saved as a draft/).waitFor();
  assert.equal(await error.count(), 0);
  await ruleRow(page, 1).getByText('draft').waitFor();

  // The test, prefilled with the version just saved.
  await choosePurpose(page, PURPOSE);
  await page.getByRole('button', { name: 'Run the test' }).click();
  const result = page.getByTestId('test-result');
  await result.waitFor();
  assert.match(await result.innerText(), /Would have hit [1-9]\d* of \d+ travellers/);
  const xx101 = result.locator('tr').filter({ hasText: 'XX101 DYU-KWI 2024-11-04' });
  assert.match(await xx101.innerText(), /AYMAN AL-ZAWAHIRI[\s\S]*traveller\.nationality/);
  await screenshot(page, 'rules-tested-en');

  // Four eyes: the server refuses, and the screen says so.
  await ruleRow(page, 1).getByRole('button', { name: 'Activate' }).click();
  await page.getByTestId('four-eyes').waitFor();
  assert.match(await page.getByTestId('four-eyes').innerText(), /another analyst must activate/);
  const shown = await (await apiAs('amina'))('GET', `/v1/rules/${RULE}`);
  assert.equal(shown.json.versions[0].state, 'draft');
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 4')), []);
});

test('another analyst activates the rule, then retires it', async () => {
  const page = await signedInPage(browser, 'karim', { locale: 'ar', path: '/rules?all=true' });
  await ruleRow(page, 1).getByText('مسودة').waitFor();
  await screenshot(page, 'rules-ar');
  await ruleRow(page, 1).getByRole('button', { name: 'تفعيل' }).click();
  await ruleRow(page, 1).getByText('سارية').waitFor();
  const karim = await apiAs('karim');
  const active = (await karim('GET', '/v1/rules')).json.rules.find((r) => r.name === RULE);
  assert.equal(active.activated_by, 'karim');

  await ruleRow(page, 1).getByRole('button', { name: 'إيقاف' }).click();
  await ruleRow(page, 1).getByText('موقوفة').waitFor();
  const rules = (await karim('GET', '/v1/rules')).json.rules;
  assert.ok(!rules.some((r) => r.name === RULE), 'no longer active');
  assert.deepEqual(problems(page), []);
});
