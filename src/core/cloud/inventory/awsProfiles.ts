import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** An AWS profile by name and where it is declared; its keys are never read. */
export interface AwsProfile {
  readonly name: string;
  readonly inConfig: boolean;
  readonly inCredentials: boolean;
}

export interface AwsProfiles {
  readonly profiles: readonly AwsProfile[];
  /** AWS_PROFILE, or `default` when that profile exists. */
  readonly active: string | undefined;
}

const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/;

/**
 * The profile names in an AWS config file (`[default]`, `[profile NAME]`) or credentials file
 * (`[NAME]`). Only section headers are matched: no key line is parsed or kept.
 */
export function awsProfileNames(source: string, kind: 'config' | 'credentials'): string[] {
  const names: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const match = header.exec(line);
    const section = match?.[1];
    if (section === undefined) continue;
    if (kind === 'credentials') {
      names.push(section);
    } else if (section === 'default') {
      names.push('default');
    } else if (section.startsWith('profile ')) {
      const name = section.slice('profile '.length).trim();
      if (name !== '') names.push(name);
    }
    // [sso-session ...] and [services ...] are not profiles.
  }
  return names;
}

/** The files the AWS CLI and SDKs read, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function awsFiles(
  env: NodeJS.ProcessEnv,
  home: string,
): { config: string; credentials: string } {
  return {
    config: nonEmpty(env.AWS_CONFIG_FILE) ?? path.join(home, '.aws', 'config'),
    credentials:
      nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE) ?? path.join(home, '.aws', 'credentials'),
  };
}

export async function readAwsProfiles(env: NodeJS.ProcessEnv, home: string): Promise<AwsProfiles> {
  const files = awsFiles(env, home);
  const [config, credentials] = await Promise.all([
    readOptional(files.config),
    readOptional(files.credentials),
  ]);
  const inConfig = new Set(awsProfileNames(config, 'config'));
  const inCredentials = new Set(awsProfileNames(credentials, 'credentials'));
  const names = [...new Set([...inConfig, ...inCredentials])].sort((a, b) =>
    a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
  );
  const profiles = names.map((name) => ({
    name,
    inConfig: inConfig.has(name),
    inCredentials: inCredentials.has(name),
  }));
  const wanted = nonEmpty(env.AWS_PROFILE) ?? nonEmpty(env.AWS_DEFAULT_PROFILE);
  const active = wanted ?? (names.includes('default') ? 'default' : undefined);
  return { profiles, active };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}
