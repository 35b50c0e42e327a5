// Expanding a row of a tree view the way a person does, when the view may redraw the row meanwhile.

/**
 * Expands `row` until `child` (a row under it) shows. The click is made again while the row is
 * still collapsed and the child has not shown: a view redraws a row whose data changed (the Cloud
 * row when its kube contexts have loaded), and a click during that redraw was lost once
 * (clean-clone CI of 7e619ce). A row without children (no aria-expanded) is never clicked.
 * @param {import('playwright-core').Locator} row
 * @param {import('playwright-core').Locator} child
 * @param {number} [timeout] how long the child may take after the last click
 */
export async function expandUntilShown(row, child, timeout = 30_000) {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await child.first().isVisible()) return;
    if ((await row.first().getAttribute('aria-expanded')) === 'false') await row.first().click();
    await child
      .first()
      .waitFor({ state: 'visible', timeout: 5000 })
      .catch(() => undefined);
  }
  await child.first().waitFor({ state: 'visible', timeout });
}
