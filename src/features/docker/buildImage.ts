import path from 'node:path';
import * as vscode from 'vscode';
import { loadDockerRuntime } from './dockerRuntimeLoader';
import { parseImageReference } from '../../core/docker/imageReference';
import { asEngineError } from '../../core/docker/engineError';
import { CancelledError } from '../../core/errors/cancelledError';
import { UserError } from '../../core/errors/userError';
import type { DockerServices } from './dockerServices';
import { withCancellableProgress } from '../progress/withCancellableProgress';

/** Label on images OpenPypi builds: the Dockerfile, relative to its workspace folder. */
export const DOCKERFILE_LABEL = 'openpypi.dockerfile';

let buildOutput: vscode.OutputChannel | undefined;

/**
 * Builds an image from a workspace Dockerfile, streaming the engine's output to an output
 * channel, with cancellable progress (cancelling aborts the build). The tag defaults to the
 * project's name:version. A failing build shows its error line. Resolves with the image id.
 */
export async function buildImage(
  services: DockerServices,
  arg: unknown,
  optionsArg?: unknown,
): Promise<string> {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(vscode.l10n.t('Trust this workspace to build its Dockerfile.'));
  }
  const dockerfile = await dockerfileTarget(arg);
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  const context = path.dirname(dockerfile.fsPath);
  const options = (typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {}) as {
    tag?: unknown;
    cancellation?: Partial<vscode.CancellationToken>;
  };
  let tag = typeof options.tag === 'string' ? options.tag.trim() : '';
  if (tag === '') {
    const runtime = loadDockerRuntime();
    const suggestion = await runtime.defaultImageTag(runtime.folderProjectFiles(context));
    tag =
      (await vscode.window.showInputBox({
        prompt: vscode.l10n.t(
          'Tag for the image built from {0}',
          vscode.workspace.asRelativePath(dockerfile),
        ),
        value: suggestion,
        validateInput: (value) =>
          parseImageReference(value) === undefined || value.includes('@')
            ? vscode.l10n.t('Not an image name: use name:tag, e.g. {0}', suggestion)
            : undefined,
      })) ?? '';
    if (tag === '') throw new CancelledError();
  }
  if (parseImageReference(tag) === undefined || tag.includes('@')) {
    throw new UserError(vscode.l10n.t('"{0}" is not an image name: use name:tag.', tag));
  }
  const relative =
    folder === undefined
      ? path.basename(dockerfile.fsPath)
      : path.relative(folder.uri.fsPath, dockerfile.fsPath).split(path.sep).join('/');
  buildOutput ??= vscode.window.createOutputChannel('OpenPypi Docker Build');
  const output = buildOutput;
  output.clear();
  output.show(true);
  output.appendLine(`> build ${tag} from ${relative}`);
  const client = services.watch.client();
  try {
    const id = await withCancellableProgress(
      vscode.l10n.t('Building {0}', tag),
      async (signal, progress) => {
        const imageId = await client.build({
          context,
          dockerfile: path.basename(dockerfile.fsPath),
          tag,
          labels: { [DOCKERFILE_LABEL]: relative },
          signal,
          onEvent: (event) => {
            if (event.kind === 'output') {
              output.append(event.text);
              const step = /^Step (\d+\/\d+)/.exec(event.text)?.[1];
              if (step !== undefined) progress.report({ message: vscode.l10n.t('step {0}', step) });
            } else if (event.kind === 'error') {
              output.appendLine(`ERROR: ${event.message}`);
            }
          },
        });
        if (signal.aborted) throw new CancelledError(`build of ${tag} cancelled`);
        return imageId;
      },
      // A caller's own token (automation, tests) cancels like the notification's button.
      callerToken(options.cancellation),
    );
    output.appendLine(`> built ${tag} (${id})`);
    await services.watch.refresh();
    return id;
  } catch (error) {
    if (
      error instanceof CancelledError ||
      (error instanceof Error && error.name === 'CancelledError')
    ) {
      output.appendLine('> build cancelled');
      await services.watch.refresh();
      throw error;
    }
    const engineError = asEngineError(error);
    services.watch.noteFailure(error);
    if (engineError?.problem === 'api') {
      output.appendLine(`> build failed: ${engineError.message}`);
      throw new UserError(vscode.l10n.t('Build of {0} failed: {1}', tag, engineError.message));
    }
    throw error;
  }
}

async function dockerfileTarget(arg: unknown): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.trim() !== '') {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return path.isAbsolute(arg) || folder === undefined
      ? vscode.Uri.file(arg)
      : vscode.Uri.joinPath(folder.uri, arg);
  }
  const found = await vscode.workspace.findFiles(
    '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile}',
    '**/{node_modules,.venv,venv,.git}/**',
    50,
  );
  if (found.length === 0) {
    throw new UserError(
      vscode.l10n.t('No Dockerfile in this workspace: run "Generate Dockerfile" first.'),
    );
  }
  if (found.length === 1 && found[0] !== undefined) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: vscode.l10n.t('Which Dockerfile?') },
  );
  if (picked === undefined) throw new CancelledError();
  return picked.uri;
}

/** The token an automation caller passed in the options, when it can be listened to. */
function callerToken(
  token: Partial<vscode.CancellationToken> | undefined,
): Pick<vscode.CancellationToken, 'onCancellationRequested'> | undefined {
  return typeof token?.onCancellationRequested === 'function'
    ? (token as Pick<vscode.CancellationToken, 'onCancellationRequested'>)
    : undefined;
}
