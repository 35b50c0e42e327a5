import * as vscode from 'vscode';
import { summary } from '../../core/database/resultFormats';
import type { QueryResult } from '../../core/database/queryResult';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const style = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); }
  h2 { font-size: 1em; font-weight: 600; margin: 1.2em 0 0.4em; }
  pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 4px 8px; white-space: pre-wrap; }
  table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); }
  th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 8px; text-align: left; vertical-align: top; white-space: pre; }
  th { background: var(--vscode-editorWidget-background); position: sticky; top: 0; }
  .null { color: var(--vscode-descriptionForeground); font-style: italic; }
  .summary { color: var(--vscode-descriptionForeground); }
`;

/** The results as a static HTML page: escaped text, no scripts, nothing loaded from anywhere. */
export function resultsHtml(title: string, results: readonly QueryResult[]): string {
  const sections = results.map((result, index) => {
    const table =
      result.columns.length === 0
        ? ''
        : `<table><thead><tr>${result.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${result.rows
            .map(
              (row) =>
                `<tr>${row.map((cell) => (cell === null ? '<td class="null">NULL</td>' : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
            )
            .join('')}</tbody></table>`;
    return `<h2>${escapeHtml(`Statement ${index + 1}`)}</h2><pre>${escapeHtml(result.statement)}</pre>${table}<p class="summary">${escapeHtml(summary(result))}</p>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${escapeHtml(title)}</title><style>${style}</style></head><body>${sections.join('')}</body></html>`;
}

/** Shows results in a read-only webview beside the editor (scripts disabled). */
export function showResultsPanel(
  title: string,
  results: readonly QueryResult[],
): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(
    'openpypi.database.results',
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: false, enableCommandUris: false, localResourceRoots: [] },
  );
  panel.webview.html = resultsHtml(title, results);
  return panel;
}
