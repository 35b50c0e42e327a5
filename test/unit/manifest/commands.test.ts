import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commandIds } from '../../../src/features/commands/commandIds';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}

interface Manifest {
  contributes: {
    commands: CommandContribution[];
    menus: Record<string, { command?: string; when?: string; group?: string }[]>;
  };
}

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<
  string,
  string
>;

describe('package.json commands', () => {
  const declared = manifest.contributes.commands.map((c) => c.command).sort();

  it('declares exactly the commands the extension registers', () => {
    assert.deepEqual(declared, [...commandIds].sort());
  });

  it('names every command openpypi.<area>.<action> in category OpenPypi', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^openpypi\.[a-z]+\.[a-zA-Z]+$/);
      assert.equal(command.category, 'OpenPypi', command.command);
    }
  });

  it('gives every command a translatable title that exists in package.nls.json', () => {
    for (const command of manifest.contributes.commands) {
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key, `${command.command} title is not a %key%`);
      assert.ok(nls[key], `${key} missing from package.nls.json`);
    }
  });

  it('gives a codicon to every command shown in a view title or inline', () => {
    const inView = new Set(
      [
        ...(manifest.contributes.menus['view/title'] ?? []),
        ...(manifest.contributes.menus['view/item/context'] ?? []),
      ]
        .map((m) => m.command)
        .filter((c): c is string => c !== undefined),
    );
    for (const command of manifest.contributes.commands.filter((c) => inView.has(c.command))) {
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, command.command);
    }
  });

  it('offers Create Python Project in the Providers view title and the Command Palette', () => {
    // The view always lists its providers, so welcome content (viewsWelcome) would never show.
    const id = 'openpypi.generator.createProject';
    const button = (manifest.contributes.menus['view/title'] ?? []).find((m) => m.command === id);
    assert.equal(button?.when, 'view == openpypi.providers');
    assert.match(button.group ?? '', /^navigation/);
    const palette = manifest.contributes.menus.commandPalette ?? [];
    assert.ok(!palette.some((m) => m.command === id && m.when === 'false'), 'not hidden');
  });

  it('only menus commands that exist', () => {
    const known = new Set(declared);
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        if (item.command) assert.ok(known.has(item.command), `${menu}: ${item.command}`);
      }
    }
  });
});
