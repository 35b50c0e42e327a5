// e2e: Generate Deployment and Deploy as a person does them, in the cloud workspace. The run's
// KUBECONFIG names two test kubeconfigs (current context "dev"); PATH starts with the kubectl
// stand-in (test/fixtures/cloud-bin: no cluster here), which records its argument list. In the
// page: the Cloud row lists the contexts; "OpenPypi: Generate Deployment" from the palette,
// Kubernetes in the first quick pick, "Generate" in the options list; the files wait, unticked,
// in the Refactor Preview until ticked and applied; "Deploy to Kubernetes" asks in a modal that names the context
// and the namespace, and only the Deploy button runs `kubectl apply` with both explicit;
// Cancel on the deploy's progress notification kills the kubectl it started.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/harnessPaths.mjs';
import { expandUntilShown } from './expandTreeRow.mjs';
import { openOpenPypiSidebar } from './openPypiSidebar.mjs';

const fixtures = path.join(repoRoot, 'test/fixtures/cloud');
const standInLog = path.join(os.tmpdir(), `openpypi-e2e-cloud-standin-${process.pid}.log`);

/** The extension host's environment for this scenario. */
export const cloudDeployEnv = {
  PATH: `${path.join(repoRoot, 'test/fixtures/cloud-bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  KUBECONFIG: ['kubeconfig-dev.yaml', 'kubeconfig-prod.yaml']
    .map((name) => path.join(fixtures, name))
    .join(path.delimiter),
  OPENPYPI_STANDIN_LOG: standInLog,
  AWS_CONFIG_FILE: path.join(fixtures, 'no-aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(fixtures, 'no-aws-credentials'),
};

/** @param {string} text */
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * @param {import('playwright-core').Page} page
 * @param {string} command the palette text after ">"
 */
async function runFromPalette(page, command) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  // The first keystrokes can be lost if typed at once (measured here): wait a little.
  await page.waitForTimeout(800);
  await input.fill(`>${command}`);
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
}

/**
 * @param {import('playwright-core').Page} page
 * @param {RegExp} title
 */
async function quickPickTitled(page, title) {
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: title })
    .waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(500);
}

/** @returns {string} */
function standInCalls() {
  return existsSync(standInLog) ? readFileSync(standInLog, 'utf8') : '';
}

/** @param {import('../harness/runInVscode.mjs').BrowserScriptContext} context */
export async function cloudDeployScenario({ page, workspace, screenshot, log }) {
  rmSync(standInLog, { force: true });
  await openOpenPypiSidebar(page, log);

  // The Cloud row and its kube contexts, from the run's KUBECONFIG.
  const providers = page.locator('.part.sidebar .pane').filter({
    has: page.locator('.pane-header', { hasText: 'Providers' }),
  });
  const rows = providers.locator('.monaco-list-row');
  const cloudRow = rows.filter({ has: page.locator('.label-name', { hasText: /^Cloud$/ }) });
  await cloudRow.first().waitFor({ state: 'visible', timeout: 30_000 });
  const kubernetesRow = rows.filter({
    has: page.locator('.label-name', { hasText: /^Kubernetes$/ }),
  });
  await expandUntilShown(cloudRow, kubernetesRow);
  await expandUntilShown(
    kubernetesRow,
    rows.filter({ has: page.locator('.label-name', { hasText: /^prod$/ }) }),
  );
  const labels = (await rows.allInnerTexts()).map(normalise).filter(Boolean);
  log(`[e2e] providers rows: ${labels.join(' | ')}`);
  assert.ok(
    labels.some((l) => /^dev\s*current · dev-cluster/.test(l)),
    `no current "dev" row: ${labels.join(' | ')}`,
  );
  assert.ok(!labels.join(' ').includes('kubeconfig-token-never-shown'), 'no token in the view');
  await screenshot('cloud-section');

  // Generate Deployment: target, then the options list, then the edit to accept.
  await runFromPalette(page, 'OpenPypi: Generate Deployment');
  await quickPickTitled(page, /where does it run/);
  await page.locator('.quick-input-widget input').pressSequentially('Kubernetes', { delay: 20 });
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await quickPickTitled(page, /options/);
  const options = normalise(
    await page.locator('.quick-input-widget .quick-input-list').innerText(),
  );
  log(`[e2e] options: ${options}`);
  assert.match(options, /registry\.example\.com\/cloud-demo:1\.2\.0/, 'image from pyproject.toml');
  assert.match(options, /Namespace\s*cloud-demo/);
  await screenshot('cloud-generate-options');
  // "Generate" is the first row and has the focus.
  await page.keyboard.press('Enter');

  const generated = path.join(workspace, 'deploy', 'kubernetes', 'deployment.yaml');
  const apply = page.getByRole('button', { name: /^Apply$/ });
  await apply.first().waitFor({ state: 'visible', timeout: 30_000 });
  assert.ok(!existsSync(generated), 'nothing is written before the edit is accepted');
  // Edits that need confirmation start unticked: a person ticks the files, then Apply.
  const boxes = page.locator('.bulk-edit-panel .edit-checkbox');
  await boxes.first().waitFor({ state: 'visible', timeout: 10_000 });
  const count = await boxes.count();
  assert.equal(count, 7, 'seven files are proposed');
  for (let index = 0; index < count; index += 1) {
    const box = boxes.nth(index);
    if ((await box.getAttribute('aria-checked')) !== 'true') await box.click();
  }
  await page.waitForTimeout(500);
  await screenshot('cloud-generate-preview');
  await apply.first().click();
  const deadline = Date.now() + 30_000;
  while (!existsSync(generated) && Date.now() < deadline) await page.waitForTimeout(200);
  assert.ok(existsSync(generated), `${generated} was not written after Apply`);
  assert.match(readFileSync(generated, 'utf8'), /readOnlyRootFilesystem: true/);
  // The command opens deployment.yaml once applied: let it take the focus before the palette.
  await page
    .locator('.tabs-container .tab', { hasText: 'deployment.yaml' })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(1500);

  // Deploy: the modal names the context and the namespace; Cancel runs nothing.
  await runFromPalette(page, 'OpenPypi: Deploy to Kubernetes (kubectl apply)');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  const question = normalise(await dialog.innerText());
  log(`[e2e] deploy question: ${question}`);
  assert.match(question, /kube context "dev", namespace "cloud-demo"/);
  await screenshot('cloud-deploy-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.waitForTimeout(1000);
  assert.doesNotMatch(standInCalls(), /kubectl apply --context/, 'Cancel applied something');

  await runFromPalette(page, 'OpenPypi: Deploy to Kubernetes (kubectl apply)');
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Deploy' }).click();
  // kubectl's output streams into the OpenPypi log, which Deploy shows.
  await page
    .locator('.part.panel')
    .getByText('[kubectl] deployment configured')
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  assert.match(
    standInCalls(),
    /kubectl apply --context dev --namespace cloud-demo --filename deploy\/kubernetes\/namespace\.yaml/,
  );
  await screenshot('cloud-deployed');

  // Cancel on the progress notification stops kubectl: the stand-in holds this apply while the
  // hold file exists, and logs "kubectl finished" only if it lives to see the file go.
  const hold = `${standInLog}.hold`;
  writeFileSync(hold, '');
  try {
    await runFromPalette(page, 'OpenPypi: Deploy to Kubernetes (kubectl apply)');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Deploy' }).click();
    // The workbench runs with its smoke-test driver, which shows no toasts: the notification
    // is taken from the notification center, as a person opens it from the status bar.
    await runFromPalette(page, 'Notifications: Show Notifications');
    const progress = page.locator('.notifications-center .notification-list-item', {
      hasText: 'OpenPypi: deploying to dev',
    });
    await progress.waitFor({ state: 'visible', timeout: 30_000 });
    const held = Date.now() + 30_000;
    while (!standInCalls().includes('kubectl holding') && Date.now() < held) {
      await page.waitForTimeout(200);
    }
    assert.match(standInCalls(), /kubectl holding/, 'kubectl did not start');
    await screenshot('cloud-deploy-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'hidden', timeout: 10_000 });
  } finally {
    // A kubectl still running would now finish within 0.1 s.
    rmSync(hold, { force: true });
  }
  // The audit log, which the OpenPypi log echoes, records the deploy as cancelled.
  await page
    .locator('.part.panel')
    .getByText('"outcome":"cancelled"')
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(1500);
  assert.doesNotMatch(standInCalls(), /kubectl finished/, 'kubectl went on after Cancel');
  await page.keyboard.press('Escape');
  rmSync(standInLog, { force: true });
}
