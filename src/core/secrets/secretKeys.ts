import type { ProviderId } from '../providers/providerId';

/** The SecretStorage key of each provider's token. Values never leave SecretStorage otherwise. */
export const secretKeys: Readonly<Record<ProviderId, string>> = {
  ai: 'openpypi.ai.apiKey',
  github: 'openpypi.github.token',
  docker: 'openpypi.docker.registryToken',
  cloud: 'openpypi.cloud.token',
  database: 'openpypi.database.password',
};

/** The environment variables the CLI reads each secret from, first match wins. */
export const secretEnvironmentVariables: Readonly<Record<string, readonly string[]>> = {
  [secretKeys.ai]: ['OPENPYPI_AI_API_KEY', 'OPENAI_API_KEY'],
  [secretKeys.github]: ['OPENPYPI_GITHUB_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN'],
  [secretKeys.docker]: ['OPENPYPI_DOCKER_REGISTRY_TOKEN'],
  [secretKeys.cloud]: ['OPENPYPI_CLOUD_TOKEN'],
  [secretKeys.database]: ['OPENPYPI_DATABASE_PASSWORD'],
};
