// Types of test/support/testImages.mjs, for the tests in TypeScript.
import type { DockerEngine } from './dockerEngine.mjs';
export declare const BUSYBOX_IMAGE: string;
export declare function importRootfs(
  engine: DockerEngine,
  rootfs: string,
  tag: string,
  changes?: string[],
): Promise<string>;
export declare function addBusybox(rootfs: string): void;
export declare function busyboxImage(engine: DockerEngine, tag?: string): Promise<string>;
export declare function buildImage(
  engine: DockerEngine,
  spec: {
    tag: string;
    dockerfile: string;
    files?: Record<string, string>;
    buildArgs?: Record<string, string>;
  },
): Promise<string>;
export declare function manyHistoryImage(
  engine: DockerEngine,
  tag: string,
  entries?: number,
): Promise<string>;
