// e2e: the Providers view with the AI provider connected, as a person gets there. A local
// OpenAI-compatible server (test/servers/openai, the one the providers integration suite uses)
// runs on 127.0.0.1; its URL is in the machine settings file before VS Code starts, because
// `openpypi.ai.baseUrl` is machine-scoped (a workspace cannot redirect the key). In the page:
// the AI row's inline Sign In action, the key typed into the password box, Enter; the row turns
// connected ("gpt-4o-mini · 127.0.0.1:PORT") and stays so when SecretStorage's change event for
// the stored key arrives; it expands to its models and usage. Screenshot.
// Then the window is reloaded and the provider must be connected again (key from SecretStorage).
import assert from 'node:assert/strict';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { repoRoot } from '../harness/harnessPaths.mjs';
import { expandUntilShown } from './expandTreeRow.mjs';
import { openOpenPypiSidebar } from './openPypiSidebar.mjs';

/** Accepted by the local server only; never a real key. */
const apiKey = 'sk-proj-E2eScreenshotKey0123456789abcd';

/** @param {string} text */
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Starts the local OpenAI-compatible server; the run gets its URL as machine settings.
 * @returns {Promise<{ machineSettings: Record<string, unknown>, stop(): Promise<void> }>}
 */
export async function providersAiSetup() {
  /** @type {typeof import('../servers/openai/openAiTestServer')} */
  const { OpenAiTestServer } = await tsImport(
    path.join(repoRoot, 'test/servers/openai/openAiTestServer.ts'),
    import.meta.url,
  );
  const server = new OpenAiTestServer({ validKeys: [apiKey] });
  await server.start();
  return {
    machineSettings: { 'openpypi.ai.baseUrl': server.baseUrl, 'openpypi.ai.model': 'gpt-4o-mini' },
    stop: () => server.stop(),
  };
}

/** @param {import('../harness/runInVscode.mjs').BrowserScriptContext} context */
export async function providersAiScenario({ page, screenshot, log }) {
  await openOpenPypiSidebar(page, log);

  const providers = page.locator('.part.sidebar .pane').filter({
    has: page.locator('.pane-header', { hasText: 'Providers' }),
  });
  const aiRow = providers
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: /^AI$/ }) });
  await aiRow.first().waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(normalise(await aiRow.first().innerText()), /not configured/);

  // The inline action shows on hover, as for a person.
  await aiRow.first().hover();
  const signIn = aiRow.first().getByRole('button', { name: 'Sign In' });
  await signIn.waitFor({ state: 'visible', timeout: 10_000 });
  await signIn.click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // The first keystrokes can be lost if typed at once (measured here): wait a little.
  await page.waitForTimeout(800);
  assert.equal(await input.getAttribute('type'), 'password', 'the key goes into a password box');
  await input.pressSequentially(apiKey, { delay: 20 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');

  // Connected with the key sign-in checked: "gpt-4o-mini · 127.0.0.1:PORT" and nothing after it.
  const connected = aiRow.filter({ hasText: /gpt-4o-mini · 127\.0\.0\.1:\d+$/ });
  await connected.first().waitFor({ state: 'visible', timeout: 60_000 });
  // SecretStorage reports the stored key to this window too, a moment after sign-in; that echo
  // must not rebuild the provider into "key stored, not checked yet". Give it time to arrive.
  await page.waitForTimeout(3000);
  const row = normalise(await aiRow.first().innerText());
  assert.doesNotMatch(row, /not checked yet/, `the row lost the checked status: ${row}`);
  assert.match(row, /gpt-4o-mini · 127\.0\.0\.1:\d+$/, row);
  const rows = providers.locator('.monaco-list-row');
  await expandUntilShown(connected, rows.filter({ hasText: 'Usage this month' }), 20_000);
  const labels = (await rows.allInnerTexts()).map(normalise).filter(Boolean);
  log(`[e2e] providers rows: ${labels.join(' | ')}`);
  assert.ok(
    labels.some((l) => /^AI\s*gpt-4o-mini · 127\.0\.0\.1:\d+$/.test(l)),
    labels.join(' | '),
  );
  assert.ok(
    labels.some((l) => /usage/i.test(l)),
    `no usage row: ${labels.join(' | ')}`,
  );
  assert.ok(!labels.join(' ').includes(apiKey), 'the key is shown nowhere in the view');

  // A calm picture: no hover, notifications dismissed, progress done.
  await page.keyboard.press('Escape');
  await page.mouse.move(900, 450);
  await page
    .locator(
      '.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-notifications-clear',
    )
    .first()
    .click({ timeout: 2000 })
    .catch(() => undefined);
  await page.waitForTimeout(1000);
  await screenshot('providers-ai');

  // Reload the window, as a person would: the key comes back from SecretStorage and the provider
  // is connected again without asking.
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(800);
  await palette.fill('>Developer: Reload Window');
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await openOpenPypiSidebar(page, log);
  await aiRow
    .filter({ hasText: /gpt-4o-mini · 127\.0\.0\.1:\d+/ })
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  log('[e2e] after a reload of the window the AI provider is connected again');
}
