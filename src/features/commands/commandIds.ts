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
  'openpypi.database.addConnection',
  'openpypi.database.removeConnection',
  'openpypi.database.setPassword',
  'openpypi.database.testConnection',
  'openpypi.database.discoverConnections',
  'openpypi.database.refresh',
  'openpypi.database.runSql',
  'openpypi.database.alembicCurrent',
  'openpypi.database.alembicHistory',
  'openpypi.database.alembicUpgrade',
  'openpypi.database.alembicDowngrade',
  'openpypi.database.alembicRevision',
  'openpypi.database.generateModels',
  'openpypi.database.addAlembic',
  'openpypi.cloud.refresh',
  'openpypi.cloud.generateDeployment',
  'openpypi.cloud.checkDeployment',
  'openpypi.cloud.deploy',
  'openpypi.cloud.storeKey',
  'openpypi.cloud.removeKey',
  'openpypi.generator.createProject',
  'openpypi.github.createRepository',
  'openpypi.github.addDependabot',
  'openpypi.github.addSecurityWorkflow',
  'openpypi.github.setSecret',
  'openpypi.github.uploadSarif',
  'openpypi.github.showAlerts',
  'openpypi.github.createRelease',
  'openpypi.github.dismissAlert',
  // Docker provider (issue 6)
  'openpypi.docker.refresh',
  'openpypi.docker.buildImage',
  'openpypi.docker.scanImage',
  'openpypi.docker.quarantineImage',
  'openpypi.docker.releaseImage',
  'openpypi.docker.runContainer',
  'openpypi.docker.stopContainer',
  'openpypi.docker.restartContainer',
  'openpypi.docker.removeContainer',
  'openpypi.docker.showLogs',
  'openpypi.docker.prune',
  'openpypi.docker.generateDockerfile',
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
  /** { name, kind, host, port, database, user, sslMode | file } and { password }; prompts when absent. Resolves with the name. */
  'openpypi.database.addConnection': [connection?: unknown, options?: unknown];
  /** A Database node or a connection name; then { confirm: true } to skip the question. */
  'openpypi.database.removeConnection': [connection?: unknown, options?: unknown];
  /** A Database node or a connection name; then the password (a password box when absent). */
  'openpypi.database.setPassword': [connection?: unknown, password?: unknown];
  /** A Database node or a connection name; resolves with { ok, serverVersion | reason }. */
  'openpypi.database.testConnection': [connection?: unknown];
  /** { all: true } adds every URL found without the quick pick; resolves with the names added. */
  'openpypi.database.discoverConnections': [options?: unknown];
  /** A Database node (reloads what is below it; a connection reconnects); the section when absent. */
  'openpypi.database.refresh': [node?: unknown];
  /** A .sql Uri or a Database node; then { sql, connection, format, confirm }. */
  'openpypi.database.runSql': [target?: unknown, options?: unknown];
  /** A Database node or a connection name; then { connection, iniFile }. Resolves with { exitCode, output }. */
  'openpypi.database.alembicCurrent': [connection?: unknown, options?: unknown];
  'openpypi.database.alembicHistory': [connection?: unknown, options?: unknown];
  'openpypi.database.alembicUpgrade': [connection?: unknown, options?: unknown];
  /** As alembicCurrent, plus { confirm: true } to skip the question. */
  'openpypi.database.alembicDowngrade': [connection?: unknown, options?: unknown];
  /** As alembicCurrent, plus { message }. */
  'openpypi.database.alembicRevision': [connection?: unknown, options?: unknown];
  /** A Database node (a schema node picks the schema) or a name; then { connection, schema }. */
  'openpypi.database.generateModels': [connection?: unknown, options?: unknown];
  /** A folder Uri; the only workspace folder when absent. */
  'openpypi.database.addAlembic': [folder?: unknown];
  'openpypi.cloud.refresh': [];
  /** For automation: { target, ...DeploymentOptions, preview: false, overwrite: true } skips the quick picks. */
  'openpypi.cloud.generateDeployment': [options?: unknown];
  /** A Uri or Uri[] of manifests / .tf files; the active editor's file or every one found when absent. */
  'openpypi.cloud.checkDeployment': [target?: unknown];
  /** A kube context node or name; for automation { context, namespace, folder, confirm: true }. */
  'openpypi.cloud.deploy': [target?: unknown];
  /** For automation: { name, value }. */
  'openpypi.cloud.storeKey': [key?: unknown];
  /** A stored-key node or the key's name. */
  'openpypi.cloud.removeKey': [key?: unknown];
  /**
   * Answers that skip their steps: { template, name, description, author, email, license,
   * python ('3.10-3.13' or a list), backend, options: ['ci', ...], idea, parent,
   * open: 'newWindow' | 'addToWorkspace' | 'none', confirmCost }. Resolves with { folder, files }.
   */
  'openpypi.generator.createProject': [answers?: unknown];
  /** For automation { name, description, topics: string[], private }. */
  'openpypi.github.createRepository': [options?: unknown];
  /** For automation { apply: true } writes the file without the preview. */
  'openpypi.github.addDependabot': [options?: unknown];
  /** For automation { apply: true } writes the file without the preview. */
  'openpypi.github.addSecurityWorkflow': [options?: unknown];
  /** A repository node or "owner/name" (the workspace's when absent); then { name, value }. */
  'openpypi.github.setSecret': [repository?: unknown, options?: unknown];
  /** A SARIF file Uri (the merged log when absent) or a repository node; then { repository, ref, commitSha }. */
  'openpypi.github.uploadSarif': [file?: unknown, options?: unknown];
  /** A repository node or "owner/name"; then { ref } (the current branch when absent). */
  'openpypi.github.showAlerts': [repository?: unknown, options?: unknown];
  /** A repository node or "owner/name"; then { tag, name }. */
  'openpypi.github.createRelease': [repository?: unknown, options?: unknown];
  /** A GitHub code scanning diagnostic or { repository, number }; then { reason, comment }. */
  'openpypi.github.dismissAlert': [alert?: unknown, options?: unknown];
  /** Reads the Docker engine again (the Retry of the "not reachable" row); resolves with 'connected' or 'down'. */
  'openpypi.docker.refresh': [];
  /** A Dockerfile Uri or workspace-relative path; { tag, cancellation: CancellationToken } for automation. Resolves with the image id. */
  'openpypi.docker.buildImage': [dockerfile?: unknown, options?: unknown];
  /** An image node, id or name. Resolves with the image id. */
  'openpypi.docker.scanImage': [image?: unknown];
  /** An image node, id or name, then the reason. Resolves with the quarantine image's id. */
  'openpypi.docker.quarantineImage': [image?: unknown, reason?: unknown];
  /** A quarantined image node, id or quarantine/… name. Resolves with the restored image id. */
  'openpypi.docker.releaseImage': [image?: unknown];
  /** An image node, id or name; { loosen: SecureDefault[], name, cmd } skips the prompt. Resolves with the container id. */
  'openpypi.docker.runContainer': [image?: unknown, options?: unknown];
  /** A container node, id or name. Resolves with its id. */
  'openpypi.docker.stopContainer': [container?: unknown];
  /** A container node, id or name. Resolves with its id. */
  'openpypi.docker.restartContainer': [container?: unknown];
  /** A container node, id or name (or string[]); the multi-selection; { confirm: true }. Resolves with the ids. */
  'openpypi.docker.removeContainer': [container?: unknown, selected?: unknown, options?: unknown];
  /** A container node, id or name. Resolves with its id. */
  'openpypi.docker.showLogs': [container?: unknown];
  /** { confirm: true } skips the question. Resolves with { containersDeleted, imagesDeleted, spaceReclaimedBytes }. */
  'openpypi.docker.prune': [options?: unknown];
  /** A folder Uri or workspace folder name; { overwrite: true }. Resolves with the Dockerfile's path. */
  'openpypi.docker.generateDockerfile': [folder?: unknown, options?: unknown];
}

export type CommandHandler<Id extends CommandId> = (...args: CommandArguments[Id]) => unknown;

/** One handler for every command: activate() cannot compile while one is missing. */
export type CommandHandlers = { [Id in CommandId]: CommandHandler<Id> };
