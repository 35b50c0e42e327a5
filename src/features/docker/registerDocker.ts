import type { Run } from 'sarif';
import type * as vscode from 'vscode';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { Redactor } from '../../core/redaction/redactor';
import type { CommandHandlers } from '../commands/commandIds';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProvidersViewHost } from '../providers/providerSection';
import type * as DockerCommands from './dockerCommandsRuntime';
import { LazySection } from '../providers/lazySection';
import type { DockerNode } from './dockerNodes';
import type { DockerSection } from './dockerSection';
import type { DockerTreeRow } from './dockerTreeSnapshot';
import { engineFailuresAsUserErrors } from './engineFailures';
import type { DockerServices } from './dockerServices';
import type * as DockerView from './dockerViewRuntime';

let commandsModule: typeof DockerCommands | undefined;

/** The commands' code, loaded on first use (dist/docker-commands-runtime.js in the build). */
function load(): typeof DockerCommands {
  // A lazy require: the build turns it into a require of dist/docker-commands-runtime.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandsModule ??= require('./dockerCommandsRuntime') as typeof DockerCommands;
  return commandsModule;
}

export type DockerCommandId =
  | 'openpypi.docker.refresh'
  | 'openpypi.docker.buildImage'
  | 'openpypi.docker.scanImage'
  | 'openpypi.docker.quarantineImage'
  | 'openpypi.docker.releaseImage'
  | 'openpypi.docker.runContainer'
  | 'openpypi.docker.stopContainer'
  | 'openpypi.docker.restartContainer'
  | 'openpypi.docker.removeContainer'
  | 'openpypi.docker.showLogs'
  | 'openpypi.docker.prune'
  | 'openpypi.docker.generateDockerfile';

/** What tests and other extensions can read of the Docker section. */
export interface DockerApi {
  /** The provider's row and the rows below it (image finding rows for the labels in `expand`). */
  tree(expand?: readonly string[]): Promise<DockerTreeRow>;
}

export interface DockerFeature {
  readonly commands: Pick<CommandHandlers, DockerCommandId>;
  readonly api: DockerApi;
}

/**
 * The Docker provider: its section of the Providers view (engine state, images, containers)),
 * and its commands. Nothing connects at activation: the engine is read when the view shows the
 * section or a command runs; dockerode loads then (dist/docker-runtime.js).
 */
export function registerDocker(
  context: vscode.ExtensionContext,
  services: {
    readonly log: ExtensionLog;
    readonly redactor: Redactor;
    readonly audit: AuditRecorder;
    readonly view: ProvidersViewHost;
    publishRuns(folder: string, source: string, runs: Run[]): Promise<void>;
  },
): DockerFeature {
  // The engine watch and the section load (dist/docker-view-runtime.js) when the view first
  // draws the Docker row or a Docker command runs.
  let view: ReturnType<typeof DockerView.createDockerView> | undefined;
  const loadParts = (): ReturnType<typeof DockerView.createDockerView> => {
    if (view === undefined) {
      // A lazy require: the build turns it into a require of dist/docker-view-runtime.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require('./dockerViewRuntime') as typeof DockerView;
      view = module.createDockerView(services.view, services.log);
      context.subscriptions.push(view.watch, view.section);
    }
    return view;
  };
  const section = new LazySection<DockerNode, DockerSection>('docker', () => loadParts().section);
  const loadView = (): ReturnType<typeof DockerView.createDockerView> => {
    // Through the view's stand-in, so the section's redraws reach the view from the start.
    section.load();
    return loadParts();
  };
  context.subscriptions.push(section, services.view.addSection(section), {
    // Log channels exist only once a command has loaded the commands' code.
    dispose: () => commandsModule?.disposeLogChannels(),
  });
  const docker: DockerServices = {
    get watch() {
      return loadView().watch;
    },
    get section() {
      return loadView().section;
    },
    get scans() {
      return loadView().scans;
    },
    audit: services.audit,
    log: services.log,
    publishRuns: (folder, source, runs) => services.publishRuns(folder, source, runs),
  };
  const guard =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      engineFailuresAsUserErrors(loadView().watch, handler)(...args);
  return {
    api: { tree: (expand = []) => loadView().tree(expand) },
    commands: {
      'openpypi.docker.refresh': async () => {
        const state = await loadView().watch.refresh();
        return state.kind;
      },
      'openpypi.docker.buildImage': guard((dockerfile, options) =>
        load().buildImage(docker, dockerfile, options),
      ),
      'openpypi.docker.scanImage': guard((image) => load().scanImage(docker, image)),
      'openpypi.docker.quarantineImage': guard((image, reason) =>
        load().quarantineImage(docker, image, reason),
      ),
      'openpypi.docker.releaseImage': guard((image) => load().releaseImage(docker, image)),
      'openpypi.docker.runContainer': guard((image, options) =>
        load().runContainer(docker, image, options),
      ),
      'openpypi.docker.stopContainer': guard((container) =>
        load().stopContainer(docker, container),
      ),
      'openpypi.docker.restartContainer': guard((container) =>
        load().restartContainer(docker, container),
      ),
      'openpypi.docker.removeContainer': guard((container, selected, options) =>
        load().removeContainers(docker, container, selected, options),
      ),
      'openpypi.docker.showLogs': guard((container) => load().showLogs(docker, container)),
      'openpypi.docker.prune': guard((options) => load().prune(docker, options)),
      'openpypi.docker.generateDockerfile': guard((folder, options) =>
        load().generateDockerfile(services.log, folder, options),
      ),
    },
  };
}
