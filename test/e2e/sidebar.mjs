// e2e: the OpenPypi sidebar as a person sees it. Opens the activity-bar container "OpenPypi",
// takes a screenshot, and checks that both views render with their welcome text and buttons.
import assert from 'node:assert/strict';
import { expectedWelcome, viewName } from './welcomeContent.mjs';

const views = ['openpypi.providers', 'openpypi.findings'];

/** @param {string} text */
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/** @param {import('../harness/runInVscode.mjs').BrowserScriptContext} context */
export async function sidebarScenario({ page, screenshot, log }) {
  const icon = page.locator('.part.activitybar').getByRole('tab', { name: /^OpenPypi\b/ });
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  await icon.click();
  const sidebar = page.locator('.part.sidebar');
  await sidebar
    .locator('.composite.title')
    .filter({ hasText: /OpenPypi/i })
    .waitFor({ state: 'visible', timeout: 15_000 });

  for (const viewId of views) {
    const name = viewName(viewId);
    const pane = sidebar.locator('.pane').filter({
      has: page.locator('.pane-header', { hasText: name }),
    });
    await pane.waitFor({ state: 'visible', timeout: 15_000 });
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

    const welcome = pane.locator('.welcome-view-content');
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    const shown = normalise(await welcome.innerText());
    log(`[e2e] ${viewId} welcome: ${shown}`);
    const expected = expectedWelcome(viewId);
    for (const paragraph of expected.paragraphs) {
      assert.ok(
        shown.includes(normalise(paragraph)),
        `${name}: welcome text missing.\n  expected: ${paragraph}\n  shown:    ${shown}`,
      );
    }
    for (const label of expected.buttons) {
      const button = welcome.getByRole('button', { name: label });
      assert.equal(await button.count(), 1, `${name}: no "${label}" button in its welcome view`);
      assert.ok(await button.isVisible(), `${name}: its "${label}" button is not visible`);
    }
  }
  // A calm picture: no hover on the activity bar, view progress bars done (when they finish).
  await page.mouse.move(900, 450);
  await sidebar
    .locator('.monaco-progress-container.active')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => log('[e2e] a view still shows progress; screenshot taken anyway'));
  await page.waitForTimeout(1000);
  await screenshot('sidebar');
}
