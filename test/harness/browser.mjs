// Debian's Chromium driven by playwright-core (no browser download). The harness closes it when a
// run ends; playwright itself kills it if this Node process dies.
import { chromiumPath } from './harnessPaths.mjs';
import { onInterrupt } from './processTree.mjs';

/**
 * @returns {Promise<{ browser: import('playwright-core').Browser, close: () => Promise<void> }>}
 */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The harness handles signals itself (processTree.mjs) and closes the browser then.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const close = async () => {
    remove();
    await browser.close().catch(() => undefined);
  };
  const remove = onInterrupt(close);
  return { browser, close };
}
