import * as vscode from 'vscode';

export type ScannerId = 'bandit' | 'pip-audit' | 'safety' | 'trivy';

export const scannerIds: readonly ScannerId[] = ['bandit', 'pip-audit', 'safety', 'trivy'];

/** The setting section of each tool's executable path (machine scope). */
export const toolPathSetting: Record<ScannerId, string> = {
  bandit: 'openpypi.bandit.path',
  'pip-audit': 'openpypi.pipAudit.path',
  safety: 'openpypi.safety.path',
  trivy: 'openpypi.trivy.path',
};

export interface SecurityConfig {
  readonly tools: ScannerId[];
  readonly scanOnSave: ScannerId[];
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly reportFile: string;
  readonly watchSarifFiles: boolean;
  readonly executables: Partial<Record<ScannerId, string>>;
}

function knownTools(value: readonly string[] | undefined, fallback: ScannerId[]): ScannerId[] {
  if (value === undefined) return fallback;
  return value.filter((tool): tool is ScannerId =>
    (scannerIds as readonly string[]).includes(tool),
  );
}

/** Reads OpenPypi's security settings for one workspace folder, typed and with defaults. */
export function readSecurityConfig(folder: vscode.Uri | undefined): SecurityConfig {
  const config = vscode.workspace.getConfiguration('openpypi', folder);
  const executables: Partial<Record<ScannerId, string>> = {};
  for (const tool of scannerIds) {
    // Machine-scoped: only the user's own settings can name a program to run.
    const explicit = vscode.workspace.getConfiguration().get<string>(toolPathSetting[tool], '');
    if (explicit.trim() !== '') executables[tool] = explicit;
  }
  return {
    tools: knownTools(config.get<string[]>('security.tools'), [...scannerIds]),
    scanOnSave: knownTools(config.get<string[]>('security.scanOnSave'), ['bandit']),
    timeoutMs: Math.max(5, config.get<number>('security.timeoutSeconds', 300)) * 1000,
    maxOutputBytes:
      Math.max(1, config.get<number>('security.maxOutputMegabytes', 256)) * 1024 * 1024,
    reportFile: config.get<string>('security.reportFile', '.openpypi/reports/openpypi.sarif'),
    watchSarifFiles: config.get<boolean>('security.watchSarifFiles', false),
    executables,
  };
}
