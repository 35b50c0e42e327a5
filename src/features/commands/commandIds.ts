/**
 * Every command OpenPypi registers. package.json declares the same ids; a unit test keeps the
 * two lists equal and an integration test checks that activate() registers each of them.
 */
export const commandIds = [
  'openpypi.security.showLog',
  'openpypi.security.scanWorkspace',
  'openpypi.security.scanFile',
  'openpypi.security.importSarif',
  'openpypi.security.exportSarif',
  'openpypi.security.clearResults',
  'openpypi.security.setBaseline',
  'openpypi.security.groupBy',
  'openpypi.security.filter',
  'openpypi.security.installTool',
  'openpypi.security.configureToolPath',
  'openpypi.security.openRuleDocs',
  'openpypi.security.suppress',
  'openpypi.providers.refresh',
  'openpypi.providers.signIn',
  'openpypi.providers.signOut',
  'openpypi.providers.validate',
  'openpypi.audit.showLog',
  'openpypi.ai.explainFinding',
  'openpypi.ai.fixWithAi',
  'openpypi.ai.generateTests',
  'openpypi.ai.reviewFile',
] as const;

export type CommandId = (typeof commandIds)[number];

/** The arguments each command's handler takes (a tree node, a Uri, an id...). */
export interface CommandArguments extends Record<CommandId, unknown[]> {
  'openpypi.security.showLog': [];
  'openpypi.security.scanWorkspace': [];
  /** The file to scan; the active editor's when absent. */
  'openpypi.security.scanFile': [uri?: unknown];
  /** A Uri or Uri[] imports those files without a dialog; the explorer passes (clicked, selected). */
  'openpypi.security.importSarif': [files?: unknown, selected?: unknown];
  'openpypi.security.exportSarif': [target?: unknown];
  'openpypi.security.clearResults': [];
  'openpypi.security.setBaseline': [];
  /** 'severity' | 'file' | 'tool'; a quick pick when absent. */
  'openpypi.security.groupBy': [groupBy?: unknown];
  /** { minimumSeverity, newOnly }; a quick pick when absent. */
  'openpypi.security.filter': [filter?: unknown];
  /** A tool node or a tool id such as 'bandit'. */
  'openpypi.security.installTool': [tool?: unknown];
  'openpypi.security.configureToolPath': [tool?: unknown];
  /** A finding node, a diagnostic of OpenPypi, or { folder, finding }. */
  'openpypi.security.openRuleDocs': [finding?: unknown];
  /** A finding (as above) and, for automation, the reason. */
  'openpypi.security.suppress': [finding?: unknown, reason?: unknown];
  'openpypi.providers.refresh': [];
  /** A Providers-view node or a provider id ('ai'); for automation, { apiKey, storeAnyway }. */
  'openpypi.providers.signIn': [provider?: unknown, options?: unknown];
  /** A Providers-view node or a provider id ('ai'). */
  'openpypi.providers.signOut': [provider?: unknown];
  /** A Providers-view node or a provider id ('ai'). */
  'openpypi.providers.validate': [provider?: unknown];
  'openpypi.audit.showLog': [];
  /** A Diagnostic (with its Uri), a findings node or { message, ruleId, file, line }; then { confirmCost }. */
  'openpypi.ai.explainFinding': [finding?: unknown, uri?: unknown, options?: unknown];
  /** As explainFinding; options { confirmCost, decision: 'apply' | 'discard' } for automation. */
  'openpypi.ai.fixWithAi': [finding?: unknown, uri?: unknown, options?: unknown];
  /** The file (the active editor's selection or file when absent); then { confirmCost }. */
  'openpypi.ai.generateTests': [uri?: unknown, options?: unknown];
  /** The file (the active editor's when absent); then { confirmCost }. */
  'openpypi.ai.reviewFile': [uri?: unknown, options?: unknown];
}

export type CommandHandler<Id extends CommandId> = (...args: CommandArguments[Id]) => unknown;

/** One handler for every command: activate() cannot compile while one is missing. */
export type CommandHandlers = { [Id in CommandId]: CommandHandler<Id> };
