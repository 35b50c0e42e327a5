import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EngineAddress } from './engineAddress';

/** A child process's environment that points it at the engine OpenPypi uses. */
export interface EngineEnvironment {
  readonly env: NodeJS.ProcessEnv;
  /** Removes the temporary certificate folder, if one was made. */
  dispose(): Promise<void>;
}

/**
 * The environment for a tool that talks to the engine itself through the docker client library
 * (Trivy): DOCKER_HOST, and for TLS DOCKER_CERT_PATH + DOCKER_TLS_VERIFY, the only way such tools
 * take TLS files. The settings name the files one by one, so DOCKER_CERT_PATH is a private
 * temporary folder (0700) of symbolic links named ca.pem, cert.pem and key.pem to them: the key's
 * bytes are not copied and no path or key goes on a command line.
 */
export async function engineEnvironment(
  address: EngineAddress,
  base: NodeJS.ProcessEnv,
): Promise<EngineEnvironment> {
  const env: NodeJS.ProcessEnv = { ...base, DOCKER_HOST: address.display };
  delete env.DOCKER_CERT_PATH;
  delete env.DOCKER_TLS_VERIFY;
  delete env.DOCKER_TLS;
  const tls = address.kind === 'tcp' ? address.tls : undefined;
  if (tls === undefined) return { env, dispose: () => Promise.resolve() };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'openpypi-docker-tls-'));
  try {
    for (const [name, file] of [
      ['ca.pem', tls.ca],
      ['cert.pem', tls.cert],
      ['key.pem', tls.key],
    ] as const) {
      if (file !== undefined) await symlink(path.resolve(file.path), path.join(dir, name));
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  env.DOCKER_CERT_PATH = dir;
  // The Go client turns verification off when DOCKER_TLS_VERIFY is empty.
  if (tls.verify) env.DOCKER_TLS_VERIFY = '1';
  else env.DOCKER_TLS = '1';
  return { env, dispose: () => rm(dir, { recursive: true, force: true }) };
}
