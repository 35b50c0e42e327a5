// Types of test/support/pythonStandInImage.mjs, for the tests in TypeScript.
import type { DockerEngine } from './dockerEngine.mjs';
export declare const STAND_IN_WHEELHOUSE: string;
export declare function pythonStandInImage(
  engine: DockerEngine,
  tag: string,
  options?: { extraWheels?: string[] },
): Promise<string>;
