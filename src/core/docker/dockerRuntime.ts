// The lazily loaded Docker runtime (dist/docker-runtime.js): the only module that imports
// dockerode. The extension loads it on first use of the Docker provider, never at activation.
import { readdir, readFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import Docker from 'dockerode';
import type {
  BuildRequest,
  CreateContainerRequest,
  DockerClient,
  RelabelRequest,
} from './dockerClient';
import type {
  BuildEvent,
  ContainerSecurityView,
  ContainerState,
  ContainerSummary,
  EngineEvent,
  ImageDetails,
  ImageSummary,
} from './dockerModel';
import type { EngineAddress, EngineTls, TlsFile } from './engineAddress';
import { CancelledError } from '../errors/cancelledError';
import { UserError } from '../errors/userError';
import { EngineError, engineErrorFrom } from './engineError';
import { relabelDifferences, relabelPlan, type ImageConfigJson } from './imageRelabel';

export { scanImage } from './imageScan';
export { defaultImageTag } from './defaultImageTag';
export { detectPythonProject } from '../dockerfile/detectPythonProject';
export { generateDockerFiles } from '../dockerfile/generateDockerFiles';
export { folderProjectFiles } from '../dockerfile/projectFiles';

export function createDockerClient(address: EngineAddress): DockerClient {
  return new DockerodeClient(address);
}

const HEALTH = /\((healthy|unhealthy|health: starting)\)/;

class DockerodeClient implements DockerClient {
  private docker: Docker | undefined;
  private dockerLoading: Promise<Docker> | undefined;
  /** The TLS files actually read (the CLI's default folder may lack some), for error messages. */
  private tlsInUse: EngineTls | undefined;

  constructor(private readonly address: EngineAddress) {}

  private async engine(): Promise<Docker> {
    if (this.docker !== undefined) return this.docker;
    // A failed connect (an unreadable TLS file) is tried again on the next call.
    this.dockerLoading ??= this.connect().catch((error: unknown) => {
      this.dockerLoading = undefined;
      throw error;
    });
    this.docker = await this.dockerLoading;
    return this.docker;
  }

  private async connect(): Promise<Docker> {
    const address = this.address;
    // Every option spelled out: dockerode would otherwise fill gaps from DOCKER_HOST and
    // DOCKER_CERT_PATH itself, over the address the settings chose.
    const unset = { host: undefined, ca: undefined, cert: undefined, key: undefined };
    if (address.kind === 'socket') {
      return newDocker({ ...unset, socketPath: address.socketPath, protocol: undefined });
    }
    const tls = address.tls;
    if (tls === undefined) {
      return newDocker({ ...unset, host: address.host, port: address.port, protocol: 'http' });
    }
    const [ca, cert, key] = await Promise.all([
      readTlsFile(tls.ca, 'CA certificate', address.display),
      readTlsFile(tls.cert, 'client certificate', address.display),
      readTlsFile(tls.key, 'client key', address.display),
    ]);
    this.tlsInUse = {
      verify: tls.verify,
      ...(ca === undefined || tls.ca === undefined ? {} : { ca: tls.ca }),
      ...(cert === undefined || tls.cert === undefined ? {} : { cert: tls.cert }),
      ...(key === undefined || tls.key === undefined ? {} : { key: tls.key }),
    };
    if ((cert === undefined) !== (key === undefined)) {
      const missing = cert === undefined ? 'tlsCertFile' : 'tlsKeyFile';
      throw new EngineError(
        `TLS to the Docker engine at ${address.display} needs a client certificate and its key together: set openpypi.docker.${missing} as well.`,
        'tls',
      );
    }
    return newDocker({
      ...unset,
      host: address.host,
      port: address.port,
      protocol: 'https',
      ...(ca === undefined ? {} : { ca }),
      ...(cert === undefined ? {} : { cert }),
      ...(key === undefined ? {} : { key }),
      // Verification is Node's default; only an explicit openpypi.docker.tlsVerify false skips it.
      ...(tls.verify ? {} : { agent: new https.Agent({ rejectUnauthorized: false }) }),
    });
  }

  private async call<T>(work: (docker: Docker) => Promise<T>): Promise<T> {
    try {
      return await work(await this.engine());
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      throw engineErrorFrom(
        error,
        this.address.display,
        this.address.kind === 'tcp' ? (this.tlsInUse ?? this.address.tls) : undefined,
      );
    }
  }

  version() {
    return this.call(async (docker) => {
      const v = await docker.version();
      const info = (await docker.info().catch(() => undefined)) as
        { OperatingSystem?: string } | undefined;
      return {
        version: v.Version,
        apiVersion: v.ApiVersion,
        os: v.Os,
        arch: v.Arch,
        ...(info?.OperatingSystem === undefined ? {} : { operatingSystem: info.OperatingSystem }),
      };
    });
  }

  listImages() {
    return this.call(async (docker) =>
      (await docker.listImages({ all: false })).map((image): ImageSummary => ({
        id: image.Id,
        tags: (nullable(image.RepoTags) ?? []).filter((tag) => tag !== '<none>:<none>'),
        digests: (nullable(image.RepoDigests) ?? []).filter(
          (digest) => !digest.startsWith('<none>'),
        ),
        sizeBytes: image.Size,
        created: image.Created,
        labels: nullable(image.Labels) ?? {},
      })),
    );
  }

  listContainers() {
    return this.call(async (docker) =>
      (await docker.listContainers({ all: true })).map((container): ContainerSummary => {
        const health = HEALTH.exec(container.Status)?.[1];
        return {
          id: container.Id,
          name: (container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
          image: container.Image,
          imageId: container.ImageID,
          state: container.State as ContainerState,
          status: container.Status,
          ...(health === undefined
            ? {}
            : {
                health:
                  health === 'health: starting' ? 'starting' : (health as 'healthy' | 'unhealthy'),
              }),
          created: container.Created,
          labels: container.Labels,
        };
      }),
    );
  }

  inspectImage(reference: string) {
    return this.call(async (docker): Promise<ImageDetails> => {
      const image = await docker.getImage(reference).inspect();
      const config = image.Config as typeof image.Config & { Healthcheck?: { Test?: string[] } };
      const test = config.Healthcheck?.Test;
      return {
        id: image.Id,
        tags: nullable(image.RepoTags) ?? [],
        labels: nullable(config.Labels) ?? {},
        user: config.User,
        ...(test === undefined || test[0] === 'NONE' ? {} : { healthcheck: { test } }),
        layers: nullable(image.RootFS.Layers)?.length ?? 0,
        os: image.Os,
        sizeBytes: image.Size,
        parent: image.Parent,
      };
    });
  }

  inspectContainer(idOrName: string) {
    return this.call(async (docker): Promise<ContainerSecurityView> => {
      const c = await docker.getContainer(idOrName).inspect();
      const host = c.HostConfig as HostSecurity;
      const config = c.Config as typeof c.Config & { Healthcheck?: { Test?: string[] } };
      const test = config.Healthcheck?.Test;
      return {
        id: c.Id,
        name: c.Name.replace(/^\//, ''),
        readonlyRootfs: host.ReadonlyRootfs === true,
        tmpfs: nullable(host.Tmpfs) ?? {},
        securityOpt: nullable(host.SecurityOpt) ?? [],
        capDrop: nullable(host.CapDrop) ?? [],
        capAdd: nullable(host.CapAdd) ?? [],
        privileged: host.Privileged === true,
        user: config.User,
        memoryBytes: nullable(host.Memory) ?? 0,
        nanoCpus: nullable(host.NanoCpus) ?? 0,
        pidsLimit: nullable(host.PidsLimit) ?? 0,
        ...(test === undefined || test[0] === 'NONE' ? {} : { healthcheck: { test } }),
        running: c.State.Running,
        exitCode: c.State.ExitCode,
        image: config.Image,
      };
    });
  }

  tagImage(reference: string, repository: string, tag: string) {
    return this.call(async (docker) => {
      await docker.getImage(reference).tag({ repo: repository, tag });
    });
  }

  removeImage(reference: string, options: { force?: boolean; prune?: boolean } = {}) {
    return this.call(async (docker) => {
      await docker
        .getImage(reference)
        .remove({ force: options.force === true, noprune: options.prune !== true });
    });
  }

  build(request: BuildRequest) {
    return this.call(async (docker) => {
      const src = await contextFiles(request.context);
      const stream = (await docker.buildImage({ context: request.context, src }, {
        t: request.tag,
        dockerfile: request.dockerfile,
        labels: request.labels,
        rm: true,
        forcerm: true,
        ...(request.signal === undefined ? {} : { abortSignal: request.signal }),
      } as Docker.ImageBuildOptions)) as ByteStream;
      let imageId: string | undefined;
      let failure: string | undefined;
      await readJsonLines(stream, request.signal, (line) => {
        const event = buildEventOf(line);
        if (event === undefined) return;
        if (event.kind === 'error') failure ??= event.message;
        if (event.kind === 'image') imageId = event.id;
        request.onEvent(event);
      });
      if (request.signal?.aborted === true) throw new CancelledError(`build of ${request.tag}`);
      if (failure !== undefined) throw new EngineError(failure, 'api');
      if (imageId === undefined) {
        const image = await docker.getImage(request.tag).inspect();
        imageId = image.Id;
      }
      return imageId;
    });
  }

  async relabelImage(request: RelabelRequest): Promise<string> {
    const { id, differences } = await this.call(async (docker) => {
      const original = await docker.getImage(request.image).inspect();
      // An engine may answer null for an image without config: the same as an empty one.
      const config: ImageConfigJson = nullable(original.Config) ?? {};
      const plan = relabelPlan(config, request.labels);
      // Created, never started: nothing from the image runs, and it has no network anyway.
      const container = await docker.createContainer({
        Image: original.Id,
        NetworkDisabled: true,
        ...(plan.create.Entrypoint === undefined
          ? {}
          : { Entrypoint: [...plan.create.Entrypoint] }),
        ...(plan.create.WorkingDir === undefined ? {} : { WorkingDir: plan.create.WorkingDir }),
        HostConfig: { NetworkMode: 'none' },
      });
      const removeContainer = (): Promise<unknown> =>
        // v: the anonymous volumes the engine made for the image's VOLUMEs go too.
        container.remove({ force: true, v: true });
      let committed: string;
      try {
        // Untagged: a tag the engine refuses (a name too long) would otherwise leave the image
        // behind without a name. _query and _body apart: docker-modem would otherwise send the
        // query as the config too.
        const result = (await container.commit({
          _query: {
            container: container.id,
            pause: false,
            ...(original.Author === '' ? {} : { author: original.Author }),
            comment: 'labelled by OpenPypi',
          },
          _body: plan.config,
        })) as { Id?: string };
        committed = result.Id ?? '';
      } catch (error) {
        await removeContainer().catch(() => undefined);
        throw error;
      }
      const differences: string[] = [];
      let kept = false;
      try {
        await removeContainer();
        const made = await docker.getImage(committed).inspect();
        differences.push(
          ...relabelDifferences(config, request.labels, nullable(made.Config) ?? {}),
        );
        const layers = (image: typeof made): string =>
          JSON.stringify(nullable(image.RootFS.Layers) ?? []);
        if (layers(made) !== layers(original)) differences.push('layers');
        if (differences.length === 0) {
          await docker.getImage(committed).tag({ repo: request.repository, tag: request.tag });
          kept = true;
        }
      } finally {
        // Kept only when the container is gone and the image is the original with labels added,
        // under its name. Its parent (the original image) stays.
        if (!kept) {
          await docker
            .getImage(committed)
            .remove({ force: true, noprune: true })
            .catch(() => undefined);
        }
      }
      return { id: committed, differences };
    });
    if (differences.length > 0) {
      throw new UserError(
        `The Docker engine did not keep the ${differences.join(', ')} of image ${request.image} when labelling it, so nothing was changed: untag or remove the image by hand.`,
      );
    }
    return id;
  }

  createContainer(request: CreateContainerRequest) {
    return this.call(async (docker) => {
      const container = await docker.createContainer({
        Image: request.image,
        ...(request.name === undefined ? {} : { name: request.name }),
        ...(request.cmd === undefined ? {} : { Cmd: [...request.cmd] }),
        ...(request.user === undefined ? {} : { User: request.user }),
        Labels: { ...request.labels },
        HostConfig: {
          ReadonlyRootfs: request.readonlyRootfs,
          Tmpfs: { ...request.tmpfs },
          SecurityOpt: [...request.securityOpt],
          CapDrop: [...request.capDrop],
          Memory: request.memoryBytes,
          NanoCpus: request.nanoCpus,
          PidsLimit: request.pidsLimit,
          Privileged: false,
          ...(request.networkMode === undefined ? {} : { NetworkMode: request.networkMode }),
        },
      });
      return container.id;
    });
  }

  startContainer(id: string) {
    return this.call(async (docker) => {
      await docker.getContainer(id).start();
    });
  }

  stopContainer(id: string) {
    return this.call(async (docker) => {
      try {
        await docker.getContainer(id).stop({ t: 10 });
      } catch (error) {
        // 304: already stopped.
        if ((error as { statusCode?: unknown }).statusCode !== 304) throw error;
      }
    });
  }

  restartContainer(id: string) {
    return this.call(async (docker) => {
      await docker.getContainer(id).restart({ t: 10 });
    });
  }

  removeContainer(id: string, options: { force?: boolean } = {}) {
    return this.call(async (docker) => {
      await docker.getContainer(id).remove({ force: options.force === true });
    });
  }

  streamLogs(id: string, onText: (text: string) => void, signal: AbortSignal) {
    return this.call(async (docker) => {
      const container = docker.getContainer(id);
      const info = await container.inspect();
      const stream = (await container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        abortSignal: signal,
      } as Docker.ContainerLogsOptions & { follow: true })) as unknown as Readable;
      const out = new PassThrough();
      out.on('data', (chunk: Buffer) => {
        onText(chunk.toString('utf8'));
      });
      if (info.Config.Tty) stream.pipe(out);
      else docker.modem.demuxStream(stream, out, out);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          resolve();
        };
        stream.once('end', done);
        stream.once('close', done);
        stream.once('error', done);
        signal.addEventListener('abort', () => {
          stream.destroy();
          done();
        });
      });
    });
  }

  events(onEvent: (event: EngineEvent) => void, signal: AbortSignal) {
    return this.call(async (docker) => {
      const stream = (await docker.getEvents({
        abortSignal: signal,
      } as Docker.GetEventsOptions)) as unknown as ByteStream;
      await readJsonLines(stream, signal, (line) => {
        const record = line as { Type?: unknown; Action?: unknown; Actor?: { ID?: unknown } };
        onEvent({
          type: typeof record.Type === 'string' ? record.Type : '',
          action: typeof record.Action === 'string' ? record.Action : '',
          id: typeof record.Actor?.ID === 'string' ? record.Actor.ID : '',
        });
      });
    });
  }

  prune() {
    return this.call(async (docker) => {
      const containers = await docker.pruneContainers();
      const images = await docker.pruneImages({ filters: { dangling: { false: true } } });
      return {
        containersDeleted: nullable(containers.ContainersDeleted)?.length ?? 0,
        imagesDeleted: nullable(images.ImagesDeleted)?.length ?? 0,
        spaceReclaimedBytes:
          (nullable(containers.SpaceReclaimed) ?? 0) + (nullable(images.SpaceReclaimed) ?? 0),
      };
    });
  }
}

/**
 * dockerode reads DOCKER_CERT_PATH's files itself, synchronously, whatever the options say; a
 * missing one there is named instead of passing for "engine not reachable" (ENOENT).
 */
function newDocker(options: Docker.DockerOptions): Docker {
  try {
    return new Docker(options);
  } catch (error) {
    const record = error as { code?: unknown; path?: unknown; message?: unknown };
    if (typeof record.code !== 'string') {
      throw new EngineError(`The Docker client could not start: ${String(record.message)}`, 'api');
    }
    const file = typeof record.path === 'string' ? ` ${record.path}` : '';
    throw new EngineError(
      `The Docker client could not start: DOCKER_CERT_PATH names a file${file} that cannot be read (${record.code}). Fix DOCKER_CERT_PATH or unset it.`,
      'tls',
    );
  }
}

/** One TLS file's bytes; a file that cannot be read is an error naming where its path came from. */
async function readTlsFile(
  file: TlsFile | undefined,
  what: string,
  display: string,
): Promise<Buffer | undefined> {
  if (file === undefined) return undefined;
  try {
    return await readFile(file.path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (!file.required && code === 'ENOENT') return undefined;
    const fix = file.from.startsWith('openpypi.')
      ? `fix the path in ${file.from}`
      : `fix ${file.from} or set the path in the matching openpypi.docker.tls* setting`;
    throw new EngineError(
      `The TLS ${what} ${file.path} (from ${file.from}) for the Docker engine at ${display} cannot be read (${typeof code === 'string' ? code : 'error'}): ${fix}.`,
      'tls',
    );
  }
}

/** The HostConfig fields the secure-run check reads, as the engine sends them. */
interface HostSecurity {
  ReadonlyRootfs?: boolean | null;
  Tmpfs?: Record<string, string> | null;
  SecurityOpt?: string[] | null;
  CapDrop?: string[] | null;
  CapAdd?: string[] | null;
  Privileged?: boolean | null;
  Memory?: number | null;
  NanoCpus?: number | null;
  PidsLimit?: number | null;
}

type ByteStream = NodeJS.ReadableStream & { destroy(error?: Error): void };

/** The engine sends null where dockerode's types promise a value (no tags, no labels...). */
function nullable<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

/** Every file of a build context, relative posix paths (.dockerignore is applied by dockerode). */
async function contextFiles(context: string): Promise<string[]> {
  const entries = await readdir(context, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) =>
      path.relative(context, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((file) => !/^(\.git|node_modules|\.venv)\//.test(file));
}

function buildEventOf(line: unknown): BuildEvent | undefined {
  const record = line as {
    stream?: unknown;
    error?: unknown;
    errorDetail?: { message?: unknown };
    aux?: { ID?: unknown };
  };
  if (typeof record.error === 'string' || typeof record.errorDetail?.message === 'string') {
    const message =
      typeof record.errorDetail?.message === 'string'
        ? record.errorDetail.message
        : String(record.error);
    return { kind: 'error', message };
  }
  if (typeof record.aux?.ID === 'string') return { kind: 'image', id: record.aux.ID };
  if (typeof record.stream === 'string') return { kind: 'output', text: record.stream };
  return undefined;
}

/** Reads a stream of JSON values separated by newlines until it ends or the signal aborts. */
function readJsonLines(
  stream: ByteStream,
  signal: AbortSignal | undefined,
  onLine: (value: unknown) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let buffer = '';
    const flush = (final: boolean): void => {
      const lines = buffer.split(/\r?\n/);
      buffer = final ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line.trim() === '') continue;
        try {
          onLine(JSON.parse(line) as unknown);
        } catch {
          onLine({ stream: `${line}\n` });
        }
      }
    };
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      flush(false);
    });
    stream.once('end', () => {
      flush(true);
      resolve();
    });
    stream.once('error', (error: unknown) => {
      if (signal?.aborted === true) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    });
    stream.once('close', () => {
      flush(true);
      resolve();
    });
    signal?.addEventListener('abort', () => {
      stream.destroy();
      resolve();
    });
  });
}
