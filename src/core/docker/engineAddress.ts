import { UserError } from '../errors/userError';

/** TLS material for a tcp:// engine, as file paths (read when connecting, never logged). */
export interface EngineTls {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Verify the engine's certificate against caFile (DOCKER_TLS_VERIFY). */
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
}

/**
 * The engine address: the machine-scoped setting, else DOCKER_HOST, else the platform's default
 * socket (Windows: the docker_engine named pipe). TLS from the settings or DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH. ssh:// hosts are refused with a message (no SSH transport is bundled).
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

function tlsFor(input: EngineAddressInput, https: boolean): EngineTls | undefined {
  const certPath = input.env.DOCKER_CERT_PATH?.trim();
  const fromEnv = (name: string): string | undefined =>
    certPath === undefined || certPath === '' ? undefined : `${certPath}/${name}`;
  const settings = input.settingTls ?? {};
  const caFile = nonEmpty(settings.caFile) ?? fromEnv('ca.pem');
  const certFile = nonEmpty(settings.certFile) ?? fromEnv('cert.pem');
  const keyFile = nonEmpty(settings.keyFile) ?? fromEnv('key.pem');
  const envVerify = input.env.DOCKER_TLS_VERIFY;
  const verify =
    settings.verify ?? (envVerify !== undefined && envVerify !== '' && envVerify !== '0');
  if (!https && !verify && certFile === undefined && nonEmpty(settings.caFile) === undefined) {
    return undefined;
  }
  return {
    verify,
    ...(caFile === undefined ? {} : { caFile }),
    ...(certFile === undefined ? {} : { certFile }),
    ...(keyFile === undefined ? {} : { keyFile }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
