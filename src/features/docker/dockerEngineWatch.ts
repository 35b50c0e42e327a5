import * as vscode from 'vscode';
import type { DockerClient } from '../../core/docker/dockerClient';
import type { ContainerSummary, EngineVersion, ImageSummary } from '../../core/docker/dockerModel';
import { resolveEngineAddress } from '../../core/docker/engineAddress';
import { asEngineError, isEngineDown } from '../../core/docker/engineError';
import { loadDockerRuntime } from './dockerRuntimeLoader';
import { describeError } from '../../core/logging/describeError';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProvidersViewHost } from '../providers/providerSection';
import { readDockerSettings } from './dockerSettings';
import { ThrottledDebounce } from '../../core/docker/throttledDebounce';

/** What the Docker section shows: the engine's objects, or why there are none. */
export type EngineState =
  | { readonly kind: 'unknown'; readonly display: string }
  | {
      readonly kind: 'connected';
      readonly display: string;
      readonly version: EngineVersion;
      readonly images: readonly ImageSummary[];
      readonly containers: readonly ContainerSummary[];
    }
  | { readonly kind: 'down'; readonly display: string; readonly message: string };

/** Redraw this long after the last engine event… */
const EVENT_DEBOUNCE_MS = 300;
/** …but at least and at most every 2 s while events keep coming (a loop of `docker create`). */
const EVENT_MAX_WAIT_MS = 2000;

/**
 * The connection to the Docker engine and a snapshot of its images and containers. While the
 * Providers view is visible it follows the engine's `/events` stream (and redraws, debounced,
 * at most every 2 s while events keep coming: ThrottledDebounce);
 * when that stream cannot be had or breaks, it polls every openpypi.docker.pollIntervalSeconds.
 * Hidden view: no stream, no timer. An engine that is down is a state, never a popup.
 */
export class DockerEngineWatch implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: EngineState = { kind: 'unknown', display: '' };
  private cachedClient: { key: string; client: DockerClient } | undefined;
  private refreshing: Promise<EngineState> | undefined;
  private queued: Promise<EngineState> | undefined;
  private events: AbortController | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly redraw = new ThrottledDebounce(
    () => {
      void this.refresh();
    },
    { waitMs: EVENT_DEBOUNCE_MS, maxWaitMs: EVENT_MAX_WAIT_MS },
  );
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly view: ProvidersViewHost,
    private readonly log: ExtensionLog,
  ) {
    this.disposables.push(
      view.onDidChangeVisibility((visible) => {
        if (visible) this.startWatching();
        else this.stopWatching();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('openpypi.docker')) {
          this.cachedClient = undefined;
          this.stopWatching();
          void this.refresh();
          if (this.view.visible) this.startWatching();
        }
      }),
    );
    if (view.visible) {
      // Not inside activate(): watching loads the Docker runtime (dockerode) synchronously.
      const start = setTimeout(() => {
        if (this.view.visible) this.startWatching();
      }, 0);
      this.disposables.push(
        new vscode.Disposable(() => {
          clearTimeout(start);
        }),
      );
    }
  }

  get state(): EngineState {
    return this.current;
  }

  /** The client for the configured engine (loads the runtime on first use). */
  client(): DockerClient {
    const settings = readDockerSettings();
    const address = resolveEngineAddress(settings.address);
    const key = JSON.stringify(address);
    if (this.cachedClient?.key !== key) {
      this.cachedClient = { key, client: loadDockerRuntime().createDockerClient(address) };
    }
    return this.cachedClient.client;
  }

  /**
   * Reads the engine again. A call while a read runs gets the read that starts after it (so it
   * sees settings changed meanwhile); calls while that one waits share it.
   */
  refresh(): Promise<EngineState> {
    if (this.refreshing !== undefined) {
      this.queued ??= this.refreshing.then(() => {
        this.queued = undefined;
        return this.refresh();
      });
      return this.queued;
    }
    this.refreshing = this.read().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Marks the engine down after a command found it so (no need to wait for the next read). */
  noteFailure(error: unknown): void {
    if (isEngineDown(error)) void this.refresh();
  }

  private async read(): Promise<EngineState> {
    let display = this.current.display;
    try {
      const settings = readDockerSettings();
      display = resolveEngineAddress(settings.address).display;
      const client = this.client();
      const version = await client.version();
      const [images, containers] = await Promise.all([
        client.listImages(),
        client.listContainers(),
      ]);
      this.current = { kind: 'connected', display, version, images, containers };
    } catch (error) {
      const engineError = asEngineError(error);
      const message = engineError?.message ?? describeError(error);
      if (this.current.kind !== 'down' || this.current.message !== message) {
        this.log.info(`Docker: ${message}`);
      }
      this.current = { kind: 'down', display, message };
    }
    this.changed.fire();
    if (this.view.visible && this.current.kind === 'connected' && this.events === undefined) {
      this.startWatching();
    }
    return this.current;
  }

  private startWatching(): void {
    if (this.events !== undefined) return;
    void this.refresh();
    const controller = new AbortController();
    this.events = controller;
    let client: DockerClient;
    try {
      client = this.client();
    } catch {
      this.events = undefined;
      this.schedulePoll();
      return;
    }
    client
      .events(() => {
        this.redraw.trigger();
      }, controller.signal)
      .catch((error: unknown) => {
        this.log.debug(`Docker events stream: ${describeError(error)}`);
      })
      .finally(() => {
        if (this.events !== controller) return;
        this.events = undefined;
        if (controller.signal.aborted) return;
        // The stream ended: the engine went away or restarted. Read now, then poll.
        void this.refresh();
        this.schedulePoll();
      });
  }

  private stopWatching(): void {
    this.events?.abort();
    this.events = undefined;
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private schedulePoll(): void {
    if (this.pollTimer !== undefined || !this.view.visible) return;
    const seconds = readDockerSettings().pollSeconds;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      if (!this.view.visible) return;
      void this.refresh().then((state) => {
        if (state.kind === 'connected') this.startWatching();
        else this.schedulePoll();
      });
    }, seconds * 1000);
  }

  dispose(): void {
    this.stopWatching();
    this.redraw.cancel();
    this.changed.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
