// What OpenPypi's package.json declares, read from the extension VS Code loaded (so the installed
// .vsix is checked against its own manifest, not the repository's).
import * as vscode from 'vscode';

export const extensionId = 'openpypi.openpypi';

interface Manifest {
  version: string;
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
  };
}

export function openPypi(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this VS Code`);
  return extension;
}

export function manifest(): Manifest {
  return openPypi().packageJSON as Manifest;
}

export function declaredCommands(): string[] {
  return manifest()
    .contributes.commands.map((c) => c.command)
    .sort();
}

export function declaredViews(): string[] {
  return Object.values(manifest().contributes.views)
    .flat()
    .map((view) => view.id)
    .sort();
}

/** Commands the workbench generates for every view and container; the extension declares none. */
const generatedSuffixes = [
  '.focus',
  '.resetViewLocation',
  '.toggleVisibility',
  '.open',
  '.removeView',
];

/** The openpypi.* commands registered now, without the workbench's generated view commands. */
export async function registeredOpenPypiCommands(): Promise<string[]> {
  const all = await vscode.commands.getCommands(true);
  return all
    .filter((id) => id.startsWith('openpypi.'))
    .filter((id) => !generatedSuffixes.some((suffix) => id.endsWith(suffix)))
    .sort();
}
