// e2e: the OpenPypi sidebar as a person sees it. Opens the activity-bar container "OpenPypi",
// waits for the extension to finish starting, checks that both views render what they should,
// and takes a screenshot.
//
// A view shows its welcome content (package.json viewsWelcome, text in package.nls.json) while its
// tree is empty, and its rows once it has any. `shows` says which state each view must be in on
// the freshly opened demo workspace: 'welcome' requires the welcome text and buttons; 'rows'
// requires rows and no welcome content (the Providers view has none: it always lists its
// providers, each row with its own action).
import assert from 'node:assert/strict';
import { expectedWelcome, viewName } from './welcomeContent.mjs';

/** @type {{ viewId: string, shows: 'welcome' | 'rows' }[]} */
const views = [
  // The Providers tree lists every provider with its state once OpenPypi is active.
  { viewId: 'openpypi.providers', shows: 'rows' },
  // Nothing has been scanned in the fresh demo copy: no findings yet.
  { viewId: 'openpypi.findings', shows: 'welcome' },
];

/** @param {string} text */
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * @param {import('playwright-core').Page} page
 * @param {(line: string) => void} log
 */
async function waitForExtensionsToStart(page, log) {
  const activating = page.locator('.part.statusbar').getByText('Activating Extensions');
  await activating
    .waitFor({ state: 'hidden', timeout: 30_000 })
    .catch(() => log('[e2e] the status bar still says "Activating Extensions" after 30 s'));
  await page.waitForTimeout(1500);
}

/**
 * @param {import('playwright-core').Locator} welcome
 * @param {string} viewId
 * @param {string} name
 */
async function assertWelcome(welcome, viewId, name) {
  const shown = normalise(await welcome.innerText());
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
  return shown;
}

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
  await waitForExtensionsToStart(page, log);

  for (const { viewId, shows } of views) {
    const name = viewName(viewId);
    const pane = sidebar.locator('.pane').filter({
      has: page.locator('.pane-header', { hasText: name }),
    });
    await pane.waitFor({ state: 'visible', timeout: 15_000 });
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

    const body = pane.locator('.pane-body');
    const welcome = body.locator('.welcome-view-content');
    const rows = body.locator('.monaco-list-row');
    const ready = shows === 'rows' ? rows.first() : welcome.or(rows.first()).first();
    await ready.waitFor({ state: 'visible', timeout: 30_000 });
    const bodyText = normalise(await body.innerText());
    assert.ok(
      !/no data provider registered/i.test(bodyText),
      `${name}: the workbench says no data provider is registered (did activate() fail?)`,
    );

    if (shows === 'welcome') {
      assert.ok(
        await welcome.isVisible(),
        `${name}: expected its welcome content, found tree rows`,
      );
      const shown = await assertWelcome(welcome, viewId, name);
      log(`[e2e] ${viewId} shows its welcome content: ${shown}`);
    } else {
      assert.ok(!(await welcome.isVisible()), `${name}: shows welcome content beside its rows`);
      const labels = (await rows.allInnerTexts()).map(normalise).filter(Boolean);
      assert.ok(labels.length > 0, `${name}: neither welcome content nor rows with labels`);
      log(`[e2e] ${viewId} shows ${labels.length} row(s): ${labels.join(' | ')}`);
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
