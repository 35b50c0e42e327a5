// OpenPypi installed from openpypi.vsix with `code-server --install-extension` (not loaded from
// the repository): it is found in the extensions folder, activates in the demo Python workspace
// and registers what its own manifest declares.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { OpenPypiApi } from '../../../src/extension';
import {
  declaredCommands,
  manifest,
  openPypi,
  registeredOpenPypiCommands,
} from '../support/manifest';
import { waitFor } from '../support/waitFor';

describe('OpenPypi installed from its .vsix', () => {
  it('is loaded from the extensions folder it was installed into', () => {
    const extensionsDir = process.env.OPENPYPI_TEST_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'OPENPYPI_TEST_EXTENSIONS_DIR is not set; run through the harness');
    const relative = path.relative(extensionsDir, openPypi().extensionPath);
    assert.ok(
      !relative.startsWith('..') && !path.isAbsolute(relative),
      `${openPypi().extensionPath} is not inside ${extensionsDir}`,
    );
  });

  it('activates by itself in the demo workspace and returns its API', async () => {
    await waitFor(() => openPypi().isActive, 'the installed OpenPypi did not activate');
    const api = (await openPypi().activate()) as OpenPypiApi;
    assert.equal(api.version, manifest().version);
  });

  it('registers every command its manifest declares', async () => {
    assert.deepEqual(await registeredOpenPypiCommands(), declaredCommands());
  });
});
