import { LEVEL_ORDER, sameTool, type LogSummary } from '../core/sarif/summariseLog';

/**
 * The summary a person reads at the end of a run: results per tool and level, unique findings
 * after cross-tool correlation, and each tool that did not run with what to do about it.
 */
export function summaryTable(summary: LogSummary, logPath: string | undefined): string {
  const header = ['tool', ...LEVEL_ORDER, 'total'];
  const rows: string[][] = summary.tools.map((tool) => [
    oneLine(tool.tool),
    ...LEVEL_ORDER.map((level) => String(tool.counts[level])),
    String(tool.total),
  ]);
  for (const missing of summary.toolsMissing) {
    if (!summary.tools.some((tool) => sameTool(tool.tool, missing.tool))) {
      rows.push([missing.tool, ...LEVEL_ORDER.map(() => '-'), statusWord(missing.status)]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  const byLevel = LEVEL_ORDER.filter((level) => summary.uniqueByLevel[level] > 0)
    .map((level) => `${level} ${summary.uniqueByLevel[level]}`)
    .join(', ');
  out.push('');
  out.push(`Unique findings: ${summary.uniqueFindings}${byLevel === '' ? '' : ` (${byLevel})`}`);
  if (summary.suppressed > 0) out.push(`Suppressed: ${summary.suppressed}`);
  if (summary.absent > 0) out.push(`Fixed since the baseline (absent): ${summary.absent}`);
  if (summary.toolsMissing.length > 0) {
    out.push('Tools that did not run:');
    for (const missing of summary.toolsMissing) {
      const hint = missing.installHint;
      const message = missing.message ?? '';
      const detail =
        hint === undefined || message.includes(hint)
          ? message
          : [message, `install: ${hint}`].filter((part) => part !== '').join('; ');
      out.push(
        `  ${missing.tool}: ${statusWord(missing.status)}${detail === '' ? '' : ` (${detail})`}`,
      );
    }
  }
  if (logPath !== undefined) {
    out.push(`SARIF log: ${logPath}`);
  }
  return `${out.join('\n')}\n`;
}

/** Tool names come from other tools' logs: one line, whatever they hold. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function statusWord(status: string): string {
  return status.replace('-', ' ');
}
