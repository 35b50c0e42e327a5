/**
 * Every command OpenPypi registers. package.json declares the same ids; a unit test keeps the
 * two lists equal and an integration test checks that activate() registers each of them.
 */
export const commandIds = ['openpypi.security.showLog', 'openpypi.providers.refresh'] as const;

export type CommandId = (typeof commandIds)[number];

/** The arguments each command's handler takes (a tree node, a Uri, an id...). */
export interface CommandArguments extends Record<CommandId, unknown[]> {
  'openpypi.security.showLog': [];
  'openpypi.providers.refresh': [];
}

export type CommandHandler<Id extends CommandId> = (...args: CommandArguments[Id]) => unknown;

/** One handler for every command: activate() cannot compile while one is missing. */
export type CommandHandlers = { [Id in CommandId]: CommandHandler<Id> };
