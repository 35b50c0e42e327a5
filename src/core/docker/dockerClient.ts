import type {
  BuildEvent,
  ContainerSecurityView,
  ContainerSummary,
  EngineEvent,
  EngineVersion,
  ImageDetails,
  ImageSummary,
  PruneResult,
} from './dockerModel';

/** Options for creating a container (secureRunOptions builds them). */
export interface CreateContainerRequest {
  readonly image: string;
  readonly name?: string;
  readonly cmd?: readonly string[];
  readonly user?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly readonlyRootfs: boolean;
  readonly tmpfs: Readonly<Record<string, string>>;
  readonly securityOpt: readonly string[];
  readonly capDrop: readonly string[];
  readonly memoryBytes: number;
  readonly nanoCpus: number;
  readonly pidsLimit: number;
  readonly privileged: false;
  readonly networkMode?: string;
}

export interface BuildRequest {
  /** The build context folder (absolute); .dockerignore is honoured. */
  readonly context: string;
  /** Relative to the context. */
  readonly dockerfile: string;
  readonly tag: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly onEvent: (event: BuildEvent) => void;
}

export interface RelabelRequest {
  /** The image to copy (an id, so that a tag moved meanwhile does not matter). */
  readonly image: string;
  /** Where the new image goes. */
  readonly repository: string;
  readonly tag: string;
  /** Added to the image's own labels. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The Docker engine as OpenPypi uses it. Implemented over dockerode in dockerRuntime.ts, which
 * is loaded lazily (dist/docker-runtime.js): nothing here pulls the SDK into activation.
 * Every method rejects with an EngineError when the engine cannot be reached.
 */
export interface DockerClient {
  version(): Promise<EngineVersion>;
  listImages(): Promise<ImageSummary[]>;
  listContainers(): Promise<ContainerSummary[]>;
  inspectImage(reference: string): Promise<ImageDetails>;
  inspectContainer(idOrName: string): Promise<ContainerSecurityView>;
  tagImage(reference: string, repository: string, tag: string): Promise<void>;
  /** Removes one tag (or an image by id); the layers stay while other tags use them. */
  removeImage(reference: string, options?: { force?: boolean; prune?: boolean }): Promise<void>;
  /** Builds; resolves with the new image id. Aborting the signal aborts the build. */
  build(request: BuildRequest): Promise<string>;
  /**
   * A new image, `repository:tag`: the image's layers and config with labels added, made without
   * running anything from it (no build, so no ONBUILD trigger; see imageRelabel.ts). Resolves
   * with the new image's id; rejects (and leaves no image or container behind) when the engine
   * did not keep the image's config.
   */
  relabelImage(request: RelabelRequest): Promise<string>;
  createContainer(request: CreateContainerRequest): Promise<string>;
  startContainer(id: string): Promise<void>;
  stopContainer(id: string): Promise<void>;
  restartContainer(id: string): Promise<void>;
  removeContainer(id: string, options?: { force?: boolean }): Promise<void>;
  /** Streams a container's logs (follow) until the signal aborts or the container ends. */
  streamLogs(id: string, onText: (text: string) => void, signal: AbortSignal): Promise<void>;
  /** Engine events until the signal aborts; resolves when the stream ends. */
  events(onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void>;
  prune(): Promise<PruneResult>;
}
