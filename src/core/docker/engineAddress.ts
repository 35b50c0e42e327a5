import { UserError } from '../errors/userError';

/** One TLS file (PEM) and where its path came from, so an error can name what to fix. */
export interface TlsFile {
  readonly path: string;
  /** The setting (openpypi.docker.tlsCaFile…), DOCKER_CERT_PATH, or ~/.docker (the CLI's default). */
  readonly from: string;
  /** A missing file is an error; false for the CLI's default folder (used when it is there). */
  readonly required: boolean;
}

/**
 * TLS for a tcp:// engine, as file paths: read when connecting, never logged, never passed to a
 * child process as an argument.
 */
export interface EngineTls {
  readonly ca?: TlsFile;
  readonly cert?: TlsFile;
  readonly key?: TlsFile;
  /** Verify the engine's certificate (against ca, else the system's roots). Off only explicitly. */
  readonly verify: boolean;
}

/** Where the Docker engine is and how to talk to it. */
export type EngineAddress =
  | {
      readonly kind: 'socket';
      readonly socketPath: string;
      readonly display: string;
      readonly source: EngineAddressSource;
    }
  | {
      readonly kind: 'tcp';
      readonly host: string;
      readonly port: number;
      readonly tls?: EngineTls;
      readonly display: string;
      readonly source: EngineAddressSource;
    };

export type EngineAddressSource = 'setting' | 'DOCKER_HOST' | 'default';

export interface EngineAddressInput {
  /** `openpypi.docker.host` (machine-scoped); empty means not set. */
  readonly settingHost?: string;
  /** `openpypi.docker.tls*` settings; each falls back to DOCKER_CERT_PATH's ca/cert/key.pem. */
  readonly settingTls?: { caFile?: string; certFile?: string; keyFile?: string; verify?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** The user's home folder: ~/.docker holds the docker CLI's default ca/cert/key.pem. */
  readonly homeDir?: string;
}

/**
 * The engine address: the machine-scoped setting, else DOCKER_HOST, else the platform's default
 * socket (Windows: the docker_engine named pipe). TLS the way the docker CLI reads it (see tlsFor).
 * ssh:// hosts are refused with a message (no SSH transport is bundled).
 */
export function resolveEngineAddress(input: EngineAddressInput): EngineAddress {
  const setting = input.settingHost?.trim() ?? '';
  const envHost = input.env.DOCKER_HOST?.trim() ?? '';
  const source: EngineAddressSource =
    setting !== '' ? 'setting' : envHost !== '' ? 'DOCKER_HOST' : 'default';
  const raw =
    setting !== ''
      ? setting
      : envHost !== ''
        ? envHost
        : input.platform === 'win32'
          ? 'npipe:////./pipe/docker_engine'
          : 'unix:///var/run/docker.sock';
  const where = source === 'setting' ? 'the setting openpypi.docker.host' : source;

  if (raw.startsWith('unix://') || raw.startsWith('npipe://')) {
    const socketPath = raw.startsWith('unix://')
      ? raw.slice('unix://'.length)
      : raw.slice('npipe://'.length).replace(/\//g, '\\');
    if (socketPath === '') {
      throw new UserError(`The Docker host "${raw}" in ${where} has no socket path.`);
    }
    return { kind: 'socket', socketPath, display: raw, source };
  }
  if (raw.startsWith('/')) {
    return { kind: 'socket', socketPath: raw, display: `unix://${raw}`, source };
  }
  if (raw.startsWith('ssh://')) {
    throw new UserError(
      `The Docker host "${raw}" in ${where} uses SSH, which OpenPypi does not support: forward the engine's socket (ssh -L) and use unix:// or tcp://.`,
    );
  }
  const match = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(raw);
  if (match === null) {
    throw new UserError(
      `The Docker host "${raw}" in ${where} is not an address OpenPypi understands: use unix:///path/to/docker.sock or tcp://host:port.`,
    );
  }
  const tls = tlsFor(input, match[1] === 'https');
  const port = Number(match[3] ?? (tls === undefined ? 2375 : 2376));
  const host = (match[2] ?? '').replace(/^\[|\]$/g, '');
  return {
    kind: 'tcp',
    host,
    port,
    ...(tls === undefined ? {} : { tls }),
    display: `tcp://${match[2] ?? ''}:${String(port)}`,
    source,
  };
}

/**
 * TLS is used for https://, when DOCKER_TLS_VERIFY or DOCKER_TLS is set (non-empty, as the docker
 * CLI reads them), when openpypi.docker.tlsVerify is true, or when a TLS file setting is set.
 * Verification stays on unless openpypi.docker.tlsVerify is false. Files: each setting, else
 * DOCKER_CERT_PATH/{ca,cert,key}.pem, else ~/.docker/{ca,cert,key}.pem when they exist. Like the
 * CLI, a missing cert.pem/key.pem in the folder means "no client certificate"; a missing ca.pem
 * from DOCKER_CERT_PATH is an error when verifying.
 */
function tlsFor(input: EngineAddressInput, https: boolean): EngineTls | undefined {
  const settings = input.settingTls ?? {};
  const set = (value: string | undefined): boolean => nonEmpty(value) !== undefined;
  const envSet = (name: string): boolean => (input.env[name] ?? '') !== '';
  const anyFileSetting = set(settings.caFile) || set(settings.certFile) || set(settings.keyFile);
  const wanted =
    https ||
    settings.verify === true ||
    envSet('DOCKER_TLS_VERIFY') ||
    envSet('DOCKER_TLS') ||
    anyFileSetting;
  if (!wanted) return undefined;
  const verify = settings.verify !== false;
  const certPath = nonEmpty(input.env.DOCKER_CERT_PATH);
  const home = nonEmpty(input.homeDir);
  const folder =
    certPath !== undefined
      ? { dir: certPath, from: 'DOCKER_CERT_PATH', explicit: true }
      : home === undefined
        ? undefined
        : { dir: `${home}/.docker`, from: '~/.docker', explicit: false };
  const file = (
    setting: string | undefined,
    settingName: string,
    name: string,
    requiredInFolder: boolean,
  ): TlsFile | undefined => {
    const fromSetting = nonEmpty(setting);
    if (fromSetting !== undefined) {
      return { path: fromSetting, from: `openpypi.docker.${settingName}`, required: true };
    }
    if (folder === undefined) return undefined;
    return {
      path: `${folder.dir}/${name}`,
      from: folder.from,
      required: folder.explicit && requiredInFolder,
    };
  };
  const ca = file(settings.caFile, 'tlsCaFile', 'ca.pem', verify);
  const cert = file(settings.certFile, 'tlsCertFile', 'cert.pem', false);
  const key = file(settings.keyFile, 'tlsKeyFile', 'key.pem', false);
  return {
    verify,
    ...(ca === undefined ? {} : { ca }),
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
