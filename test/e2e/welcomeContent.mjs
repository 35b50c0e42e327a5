// What a view's welcome content (package.json viewsWelcome, text in package.nls.json) shows: the
// workbench renders each line that is only a command link as a button, every other line as a
// paragraph whose [label](target) links show their label.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/harnessPaths.mjs';

/**
 * @param {string} viewId e.g. openpypi.providers
 * @returns {{ paragraphs: string[], buttons: string[] }}
 */
export function expectedWelcome(viewId) {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
  /** @type {{ view: string, contents: string }[]} */
  const entries = manifest.contributes.viewsWelcome ?? [];
  const entry = entries.find((e) => e.view === viewId);
  if (!entry) throw new Error(`package.json has no viewsWelcome entry for ${viewId}`);
  const key = /^%(.+)%$/.exec(entry.contents)?.[1];
  const contents = key ? nls[key] : entry.contents;
  if (typeof contents !== 'string') throw new Error(`package.nls.json has no "${key}"`);
  /** @type {string[]} */
  const paragraphs = [];
  /** @type {string[]} */
  const buttons = [];
  for (const line of contents.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const button = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(line);
    if (button?.[1]) buttons.push(button[1]);
    else paragraphs.push(line.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'));
  }
  return { paragraphs, buttons };
}

/** @param {string} viewId @returns {string} the view's name as package.nls.json gives it */
export function viewName(viewId) {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
  /** @type {{ id: string, name: string }[]} */
  const views = Object.values(manifest.contributes.views).flat();
  const view = views.find((v) => v.id === viewId);
  if (!view) throw new Error(`package.json declares no view ${viewId}`);
  const key = /^%(.+)%$/.exec(view.name)?.[1];
  return key ? nls[key] : view.name;
}
