// e2e: security findings as a person sees them after "OpenPypi: Scan Workspace" on the demo
// workspace: the findings tree (groups with counts, tools that are missing), a hover on a
// finding in the editor, and the Problems panel. Screenshots of each.
import assert from 'node:assert/strict';
import { openOpenPypiSidebar } from './openPypiSidebar.mjs';

/** @param {string} text */
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Runs a command from the palette the way a person does: F1, type, Enter.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  // The first keystroke can be lost if typed at once (measured here): wait a little.
  await page.waitForTimeout(500);
  await input.fill(`>${title}`);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
}

/** @param {import('../harness/runInVscode.mjs').BrowserScriptContext} context */
export async function findingsScenario({ page, screenshot, log }) {
  await openOpenPypiSidebar(page, log);
  await page.waitForTimeout(1500);

  await runCommand(page, 'OpenPypi: Scan Workspace');
  const sidebar = page.locator('.part.sidebar');
  const findings = sidebar.locator('.pane').filter({
    has: page.locator('.pane-header', { hasText: 'Security Findings' }),
  });
  const high = findings.locator('.monaco-list-row', { hasText: 'High' });
  await high.first().waitFor({ state: 'visible', timeout: 60_000 });
  const rows = (await findings.locator('.monaco-list-row').allInnerTexts()).map(normalise);
  log(`[e2e] findings rows: ${rows.join(' | ')}`);
  assert.ok(
    rows.some((r) => /^High\s*3$/.test(r)),
    `no "High 3" group in ${rows.join(' | ')}`,
  );
  assert.ok(
    rows.some((r) => /^Medium\s*4$/.test(r)),
    `no "Medium 4" group in ${rows.join(' | ')}`,
  );
  assert.ok(
    rows.some((r) => r.startsWith('B602 subprocess call with shell=True')),
    `no B602 row in ${rows.join(' | ')}`,
  );
  assert.ok(
    rows.some((r) => /trivy — not installed/.test(r)),
    `the missing Trivy is not shown as a node: ${rows.join(' | ')}`,
  );
  const status = normalise(await page.locator('.part.statusbar').innerText());
  assert.match(status, /3 · 4 · 4/, `status bar counts: ${status}`);
  await page.mouse.move(900, 450);
  await page.waitForTimeout(800);
  await screenshot('findings-tree');

  // Open the finding from the tree: the editor shows app/run.py at the finding's line.
  await findings.locator('.monaco-list-row', { hasText: 'B602' }).first().click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(1000);
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover').filter({ hasText: 'B602' });
  await hover.first().waitFor({ state: 'visible', timeout: 10_000 });
  const hoverText = normalise(await hover.first().innerText());
  log(`[e2e] hover: ${hoverText}`);
  assert.match(hoverText, /subprocess call with shell=True identified/);
  await screenshot('hover');
  await page.keyboard.press('Escape');

  await runCommand(page, 'View: Focus Problems');
  const problems = page.locator('.markers-panel');
  await problems.waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(1000);
  const problemText = normalise(await problems.innerText());
  assert.ok(problemText.includes('B602'), `Problems panel: ${problemText.slice(0, 400)}`);
  assert.ok(
    problemText.includes('loader.py'),
    'a file that is not open has its problems listed too',
  );
  await screenshot('problems');
}
