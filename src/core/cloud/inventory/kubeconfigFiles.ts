import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mergeKubeconfigs, parseKubeconfig, type MergedKubeconfig } from './kubeconfig';

/**
 * The kubeconfig files kubectl would read: every entry of KUBECONFIG (the platform's path
 * delimiter between them), or ~/.kube/config when KUBECONFIG is unset or empty.
 */
export function kubeconfigPaths(env: NodeJS.ProcessEnv, home: string): string[] {
  const list = (env.KUBECONFIG ?? '')
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return list.length > 0 ? [...new Set(list)] : [path.join(home, '.kube', 'config')];
}

/**
 * Reads and merges the kubeconfig files. A file that does not exist is skipped, as kubectl
 * does; a file that exists and cannot be read or parsed is a problem with its reason.
 */
export async function readKubeconfigs(files: readonly string[]): Promise<MergedKubeconfig> {
  const results = await Promise.all(
    files.map(async (file) => {
      let source: string;
      try {
        source = await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        return {
          problem: { file, line: undefined, message: `could not be read (${code ?? 'error'}).` },
        };
      }
      return parseKubeconfig(file, source);
    }),
  );
  return mergeKubeconfigs(results.filter((result) => result !== undefined));
}
