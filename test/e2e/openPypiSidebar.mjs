// Opening the OpenPypi activity-bar container the way a person does, then waiting until the
// extensions have started, so that what a scenario clicks next is there.

/**
 * @param {import('playwright-core').Page} page
 * @param {(line: string) => void} log
 */
export async function openOpenPypiSidebar(page, log) {
  const icon = page.locator('.part.activitybar').getByRole('tab', { name: /^OpenPypi\b/ });
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  // A click on the container that is already shown would hide the side bar, and after a reload
  // the workbench restores the container it showed, possibly just after the check: the state is
  // checked again after each click, and once more a moment after it looks right.
  const shown = async () =>
    (await icon.getAttribute('aria-selected')) === 'true' &&
    (await page.locator('.part.sidebar').isVisible());
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await shown()) {
      await page.waitForTimeout(700);
      if (await shown()) break;
      continue;
    }
    await icon.click();
    await page.waitForTimeout(700);
  }
  if (!(await shown())) throw new Error('the OpenPypi side bar did not stay open after 5 clicks');
  await page
    .locator('.part.statusbar')
    .getByText('Activating Extensions')
    .waitFor({ state: 'hidden', timeout: 30_000 })
    .catch(() => log('[e2e] still activating after 30 s'));
}
