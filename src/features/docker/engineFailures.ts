import { asEngineError } from '../../core/docker/engineError';
import { UserError } from '../../core/errors/userError';
import type { DockerEngineWatch } from './dockerEngineWatch';

/**
 * Wraps a Docker command: an engine failure becomes a UserError carrying the engine's own words
 * ("No such image: …", "Docker engine not reachable at …", "Permission denied on the Docker
 * socket …"), shown as a warning instead of an error popup, and an engine that went away turns
 * the tree's row into the "not reachable" state right away.
 */
export function engineFailuresAsUserErrors<A extends unknown[], R>(
  watch: DockerEngineWatch,
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const engineError = asEngineError(error);
      if (engineError === undefined) throw error;
      watch.noteFailure(engineError);
      throw new UserError(engineError.message);
    }
  };
}
