import * as vscode from 'vscode';
import { countBySeverity } from '../../core/findings/findingGroups';
import type { FindingsStore } from '../../core/findings/findingsStore';

/** `$(shield) high · medium · low`; a spinner while a scan runs; a click reveals the findings view. */
export class SecurityStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'openpypi.security',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly subscription: { dispose(): void };
  private running = 0;

  constructor(private readonly store: FindingsStore) {
    this.item.name = vscode.l10n.t('OpenPypi Security');
    this.item.command = 'openpypi.findings.focus';
    this.subscription = store.onDidChange(() => {
      this.render();
    });
    this.render();
    this.item.show();
  }

  /** Shows the spinner until the returned function is called. */
  scanning(): () => void {
    this.running += 1;
    this.render();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running -= 1;
      this.render();
    };
  }

  private render(): void {
    const counts = countBySeverity(this.store.findings());
    const icon = this.running > 0 ? '$(sync~spin)' : '$(shield)';
    this.item.text = `${icon} ${counts.high} · ${counts.medium} · ${counts.low}`;
    this.item.tooltip = vscode.l10n.t(
      'OpenPypi security findings: {0} high, {1} medium, {2} low. Click to show them.',
      counts.high,
      counts.medium,
      counts.low,
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
