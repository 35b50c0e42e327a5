import * as vscode from 'vscode';

/** What a task reports under the notification's title: a message, and how far it has got. */
export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * Runs `work` under a cancellable notification. The notification's Cancel button aborts the
 * signal `work` gets, and so does `cancellation`, a caller's own token (automation, tests);
 * both listeners go once `work` has settled.
 */
export async function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: ProgressReport) => Promise<T>,
  cancellation?: Pick<vscode.CancellationToken, 'onCancellationRequested'>,
): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const abort = (): void => {
        controller.abort();
      };
      const listeners = [token.onCancellationRequested(abort)];
      if (cancellation !== undefined) listeners.push(cancellation.onCancellationRequested(abort));
      try {
        return await work(controller.signal, progress);
      } finally {
        for (const listener of listeners) listener.dispose();
      }
    },
  );
}
