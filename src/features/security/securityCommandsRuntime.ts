// The Security commands' code (scan, view, tool and finding commands). The build emits it as
// dist/security-commands-runtime.js, which registerSecurity loads when one of these commands
// first runs (scripts/lib/lazyRuntimes.mjs), so the extension's own bundle carries only the
// findings view, diagnostics, status bar, quick fixes and the listeners.
export { openRuleDocs, suppressFinding } from './findingCommands';
export { chooseFilter, chooseGrouping, setBaseline } from './findingsViewCommands';
export { scanFile, scanWorkspace } from './scanCommands';
export { configureToolPath, installTool } from './toolCommands';
