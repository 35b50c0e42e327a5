import * as vscode from 'vscode';

/** Runs `work` under a cancellable notification; cancelling aborts the signal it gets. */
export async function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => {
        controller.abort();
      });
      try {
        return await work(controller.signal, (message) => {
          progress.report({ message });
        });
      } finally {
        listener.dispose();
      }
    },
  );
}
