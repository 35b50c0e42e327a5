import type * as vscode from 'vscode';
import type { CommandHandlers } from '../commands/commandIds';
import type { GeneratorServices } from './createProject';
import type * as GeneratorRuntime from './generatorRuntime';

export type GeneratorCommandId = 'openpypi.generator.createProject';

let runtime: typeof GeneratorRuntime | undefined;

/**
 * The flow and the generator core, loaded on first use: the build turns this require into
 * one of dist/generator-runtime.js (scripts/lib/lazyRuntimes.mjs). Its errors are recognised
 * by name (isUserError, isCancelled) by the command wrapper.
 */
function generatorRuntime(): typeof GeneratorRuntime {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('./generatorRuntime') as typeof GeneratorRuntime;
  return runtime;
}

/** Create Python Project. */
export function registerGenerator(
  context: vscode.ExtensionContext,
  services: Omit<GeneratorServices, 'extensionPath'>,
): Pick<CommandHandlers, GeneratorCommandId> {
  const full: GeneratorServices = { ...services, extensionPath: context.extensionPath };
  return {
    'openpypi.generator.createProject': (answers: unknown) =>
      generatorRuntime().createProject(full, answers),
  };
}
