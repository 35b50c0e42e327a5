/** What OpenPypi shows and uses of the engine's objects (the runtime maps dockerode's to these). */

export interface EngineVersion {
  readonly version: string;
  readonly apiVersion: string;
  readonly os: string;
  readonly arch: string;
  readonly operatingSystem?: string;
}

export interface ImageSummary {
  /** sha256:… */
  readonly id: string;
  /** `repo:tag` references; empty for an untagged image. */
  readonly tags: readonly string[];
  readonly digests: readonly string[];
  readonly sizeBytes: number;
  /** Seconds since the epoch. */
  readonly created: number;
  readonly labels: Readonly<Record<string, string>>;
}

export type ContainerState =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  readonly id: string;
  /** Without the leading slash. */
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly state: ContainerState;
  /** The engine's status line: "Up 3 minutes (healthy)", "Exited (1) 2 seconds ago". */
  readonly status: string;
  readonly health?: 'starting' | 'healthy' | 'unhealthy';
  readonly created: number;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageDetails {
  readonly id: string;
  readonly tags: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** The image's USER, '' when none. */
  readonly user: string;
  readonly healthcheck?: { readonly test: readonly string[] };
  readonly layers: number;
  readonly os: string;
  readonly sizeBytes: number;
  readonly parent: string;
}

/** The settings that decide how safe a container is, as the engine reports them. */
export interface ContainerSecurityView {
  readonly id: string;
  readonly name: string;
  readonly readonlyRootfs: boolean;
  readonly tmpfs: Readonly<Record<string, string>>;
  readonly securityOpt: readonly string[];
  readonly capDrop: readonly string[];
  readonly capAdd: readonly string[];
  readonly privileged: boolean;
  readonly user: string;
  readonly memoryBytes: number;
  readonly nanoCpus: number;
  readonly pidsLimit: number;
  readonly healthcheck?: { readonly test: readonly string[] };
  readonly running: boolean;
  readonly exitCode: number;
  readonly image: string;
}

/** One streamed line of a build (stream text, an error, or an aux image id). */
export type BuildEvent =
  | { readonly kind: 'output'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'image'; readonly id: string };

export interface PruneResult {
  readonly containersDeleted: number;
  readonly imagesDeleted: number;
  readonly spaceReclaimedBytes: number;
}

/** What the engine said changed (`/events`), enough to know what to redraw. */
export interface EngineEvent {
  readonly type: string;
  readonly action: string;
  readonly id: string;
}
