import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { CancelledError } from '../../core/errors/cancelledError';
import type { Finding } from '../../core/findings/finding';
import type { TrivyFindingKind } from '../../core/remediation/trivyIgnore';
import type { FindingTarget } from './findingArgument';
import { findingFromArgument } from './findingArgument';
import { securityRuntime } from './securityRuntimeLoader';
import type { ScanController } from './scanController';

function requireFinding(arg: unknown): FindingTarget {
  const target = findingFromArgument(arg);
  if (target === undefined) {
    throw new UserError(
      vscode.l10n.t('Run this from a finding in the Security Findings view or from a quick fix.'),
    );
  }
  return target;
}

/** Open Rule Documentation: the rule's help URI, only when it is a web page. */
export async function openRuleDocs(arg: unknown): Promise<boolean> {
  const { finding } = requireFinding(arg);
  const help = finding.helpUri;
  if (help === undefined || !/^https?:\/\//i.test(help)) {
    throw new UserError(vscode.l10n.t('{0} has no documentation link.', finding.ruleId));
  }
  return vscode.env.openExternal(vscode.Uri.parse(help, true));
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
}

function trivyKind(finding: Finding): TrivyFindingKind {
  const rule = finding.ruleId.toUpperCase();
  if (finding.packageName !== undefined || /^(CVE|GHSA|PYSEC|OSV)-/.test(rule))
    return 'vulnerabilities';
  const title = (finding.ruleTitle ?? '').toLowerCase();
  return title.includes('secret') || /^[a-z0-9-]+$/.test(finding.ruleId)
    ? 'secrets'
    : 'misconfigurations';
}

/** Writes the tool's own suppression; returns the file it changed, or undefined when the tool has none. */
async function suppressInTool(
  folder: string,
  finding: Finding,
  reason: string,
): Promise<string | undefined> {
  const tool = finding.tool.toLowerCase();
  const { addBanditNosec, addSafetyIgnore, addTrivyIgnore } = securityRuntime();
  if (
    tool === 'bandit' &&
    finding.location.kind === 'workspace' &&
    finding.location.range !== undefined
  ) {
    const uri = vscode.Uri.joinPath(vscode.Uri.file(folder), finding.location.relativePath);
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.lineAt(finding.location.range.startLine - 1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, line.range, addBanditNosec(line.text, finding.ruleId, reason));
    if (!(await vscode.workspace.applyEdit(edit)))
      throw new Error(vscode.l10n.t('The edit to {0} was refused.', finding.location.relativePath));
    await document.save();
    return finding.location.relativePath;
  }
  if (tool === 'trivy') {
    const file = path.join(folder, '.trivyignore.yaml');
    const paths = finding.location.kind === 'workspace' ? [finding.location.relativePath] : [];
    await writeText(
      file,
      addTrivyIgnore(await readOptional(file), trivyKind(finding), finding.ruleId, reason, paths),
    );
    return '.trivyignore.yaml';
  }
  if (tool === 'safety') {
    const file = path.join(folder, '.safety-policy.yml');
    await writeText(file, addSafetyIgnore(await readOptional(file), finding.ruleId, reason));
    return '.safety-policy.yml';
  }
  return undefined;
}

/**
 * Suppress Finding…: asks for the reason, writes the tool's own suppression so that it also
 * holds on the command line (`# nosec` for Bandit, `.trivyignore.yaml`, `.safety-policy.yml`),
 * and records it in the SARIF log (`suppressions`, with the reason).
 */
export async function suppressFinding(
  controller: ScanController,
  arg: unknown,
  reasonArg?: unknown,
): Promise<string | undefined> {
  const { folder, finding } = requireFinding(arg);
  const reason =
    typeof reasonArg === 'string'
      ? reasonArg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Suppress {0}', finding.ruleId),
          prompt: vscode.l10n.t(
            'Why is this finding acceptable? The reason is kept with the suppression.',
          ),
          ignoreFocusOut: true,
          validateInput: (value) =>
            value.trim() === ''
              ? vscode.l10n.t('Give a reason, for whoever reads this later.')
              : undefined,
        });
  if (reason === undefined) throw new CancelledError();
  const changed = await suppressInTool(folder, finding, reason);
  const file =
    finding.location.kind === 'workspace' ? finding.location.relativePath : finding.location.kind;
  await controller.suppress(
    folder,
    { key: finding.key, ruleId: finding.ruleId, file },
    {
      kind:
        changed !== undefined && finding.tool.toLowerCase() === 'bandit' ? 'inSource' : 'external',
      status: 'accepted',
      justification: reason,
    },
  );
  const message =
    changed === undefined
      ? vscode.l10n.t(
          "{0} suppressed in OpenPypi's SARIF log. {1} has no suppression file of its own.",
          finding.ruleId,
          finding.tool,
        )
      : vscode.l10n.t('{0} suppressed in {1} and in the SARIF log.', finding.ruleId, changed);
  void vscode.window.showInformationMessage(message);
  return changed;
}
