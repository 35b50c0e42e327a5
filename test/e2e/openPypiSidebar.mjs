// Opening the OpenPypi activity-bar container the way a person does, then waiting until the
// extensions have started, so that what a scenario clicks next is there.

/**
 * @param {import('playwright-core').Page} page
 * @param {(line: string) => void} log
 */
export async function openOpenPypiSidebar(page, log) {
  const icon = page.locator('.part.activitybar').getByRole('tab', { name: /^OpenPypi\b/ });
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  await icon.click();
  await page
    .locator('.part.statusbar')
    .getByText('Activating Extensions')
    .waitFor({ state: 'hidden', timeout: 30_000 })
    .catch(() => log('[e2e] still activating after 30 s'));
}
