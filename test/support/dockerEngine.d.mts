// Types of test/support/dockerEngine.mjs, for the tests in TypeScript.
export interface DockerEngine {
  /** The engine's folder: socket, data root, exec root, pidfile, dockerd.log. */
  readonly dir: string;
  readonly socket: string;
  /** unix://<socket>, the DOCKER_HOST value. */
  readonly host: string;
  readonly env: { DOCKER_HOST: string; OPENPYPI_TEST_DOCKER_DIR: string };
  /** Runs the docker CLI against this engine (legacy builder); resolves with stdout. */
  docker(
    args: string[],
    options?: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv },
  ): Promise<string>;
  /** Stops dockerd and all it started, removes the folder; safe to call twice. */
  stop(): Promise<void>;
}
export declare function startDockerEngine(options?: {
  dir?: string;
  readyTimeoutMs?: number;
  keepDir?: boolean;
}): Promise<DockerEngine>;
export declare function stopDockerEngineProcess(dir: string): Promise<void>;
