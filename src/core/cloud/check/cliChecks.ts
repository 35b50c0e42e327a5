import path from 'node:path';
import type { Logger } from '../../logging/logger';
import { findExecutable } from '../../process/findExecutable';
import { runProcess } from '../../process/runProcess';
import type { DeploymentProblem } from './deploymentProblem';
import { terraformValidateProblems } from './terraformValidate';

export interface CliCheckOptions {
  /** The workspace folder; files are relative posix paths inside it. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

/** What a CLI check did: its problems, or why it did not run. */
export type CliCheckOutcome =
  | { readonly state: 'not-installed'; readonly tool: 'kubectl' | 'terraform' }
  | { readonly state: 'skipped'; readonly tool: 'kubectl' | 'terraform'; readonly reason: string }
  | {
      readonly state: 'ran';
      readonly tool: 'kubectl' | 'terraform';
      readonly problems: DeploymentProblem[];
    };

function lastLine(text: string): string {
  return text.trim().split(/\r?\n/).pop() ?? '';
}

/**
 * `kubectl apply --dry-run=client` over the manifests, when kubectl is installed. kubectl gives
 * no line numbers: an error that names a file is placed on its first line.
 */
export async function kubectlDryRun(
  files: readonly string[],
  options: CliCheckOptions,
): Promise<CliCheckOutcome> {
  const kubectl = await findExecutable({ name: 'kubectl', env: options.env });
  if (kubectl === undefined) return { state: 'not-installed', tool: 'kubectl' };
  const args = ['apply', '--dry-run=client', '--output', 'name'];
  for (const file of files) args.push('--filename', file);
  const outcome = await runProcess({
    executable: kubectl,
    args,
    cwd: options.root,
    env: options.env,
    timeoutMs: 60_000,
    logger: options.logger,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (outcome.exitCode === 0) return { state: 'ran', tool: 'kubectl', problems: [] };
  const problems: DeploymentProblem[] = [];
  for (const line of outcome.stderrTail.split(/\r?\n/)) {
    const file = files.find((candidate) => line.includes(candidate));
    if (file === undefined || line.trim() === '') continue;
    problems.push({
      file,
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 0,
      message: line.trim(),
      severity: 'error',
      source: 'kubectl',
      code: 'dry-run',
    });
  }
  if (problems.length === 0) {
    return {
      state: 'skipped',
      tool: 'kubectl',
      reason: lastLine(outcome.stderrTail) || `exit code ${outcome.exitCode}`,
    };
  }
  return { state: 'ran', tool: 'kubectl', problems };
}

/**
 * `terraform validate -json` in a folder of .tf files, when terraform is installed. validate
 * needs `terraform init` (providers); when init cannot run (offline), the check is skipped
 * with its reason rather than reported as a problem in the files.
 */
export async function terraformValidate(
  folder: string,
  files: readonly string[],
  options: CliCheckOptions,
): Promise<CliCheckOutcome> {
  const terraform = await findExecutable({ name: 'terraform', env: options.env });
  if (terraform === undefined) return { state: 'not-installed', tool: 'terraform' };
  const cwd = path.join(options.root, ...folder.split('/'));
  const common = {
    executable: terraform,
    cwd,
    env: { ...options.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    timeoutMs: 180_000,
    logger: options.logger,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const init = await runProcess({
    ...common,
    args: ['init', '-backend=false', '-input=false', '-no-color'],
  });
  if (init.exitCode !== 0) {
    return {
      state: 'skipped',
      tool: 'terraform',
      reason: `terraform init failed: ${lastLine(init.stderrTail)}`,
    };
  }
  const validate = await runProcess({ ...common, args: ['validate', '-json', '-no-color'] });
  return {
    state: 'ran',
    tool: 'terraform',
    problems: terraformValidateProblems(folder, validate.stdout, files[0] ?? `${folder}/main.tf`),
  };
}
