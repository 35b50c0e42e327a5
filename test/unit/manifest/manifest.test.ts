import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Setting {
  scope?: string;
  description?: string;
  markdownDescription?: string;
}

interface Manifest {
  activationEvents: string[];
  extensionKind: string[];
  main: string;
  engines: { vscode: string };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    configuration: { properties: Record<string, Setting> };
    viewsWelcome: { view: string; contents: string }[];
    views: Record<string, { id: string }[]>;
  };
}

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<
  string,
  string
>;

/** Settings that name a program to run, its arguments, or a URL that receives a token. */
const sensitiveSetting = /(path|executable|args|arguments|url|host|endpoint)$/i;

describe('package.json manifest', () => {
  it('activates narrowly: never on "*" or onStartupFinished', () => {
    for (const event of manifest.activationEvents) {
      assert.notEqual(event, '*');
      assert.notEqual(event, 'onStartupFinished');
    }
    assert.ok(manifest.activationEvents.includes('workspaceContains:pyproject.toml'));
  });

  it('runs in the workspace extension host from the esbuild bundle', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.main, './dist/main.js');
  });

  it('gives every setting a description and a scope', () => {
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(setting.description ?? setting.markdownDescription, `${key} has no description`);
      assert.ok(setting.scope, `${key} has no scope`);
    }
  });

  it('makes settings naming executables, arguments or URLs machine-scoped and restricted', () => {
    const restricted = new Set(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      if (sensitiveSetting.test(key)) {
        assert.match(setting.scope ?? '', /^machine/, `${key} must be machine-scoped`);
        assert.ok(restricted.has(key), `${key} must be in restrictedConfigurations`);
      }
    }
  });

  it('has welcome content with a button for the findings view, none for the providers view', () => {
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === 'openpypi.findings');
    assert.ok(welcome, 'openpypi.findings has no welcome content');
    const key = /^%(.+)%$/.exec(welcome.contents)?.[1] ?? '';
    assert.match(nls[key] ?? '', /\[[^\]]+\]\(command:openpypi\.[a-zA-Z.]+\)/);
    // The Providers tree always lists every provider (a row with its own Sign In or "not
    // available yet"), so welcome content there would show only before activation, then vanish.
    assert.equal(
      manifest.contributes.viewsWelcome.some((w) => w.view === 'openpypi.providers'),
      false,
    );
  });
});
