import type { QueryResult } from './queryResult';

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV: a header row, CRLF line ends, NULL as an empty field. */
export function toCsv(result: QueryResult): string {
  const lines = [result.columns, ...result.rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function markdownCell(value: string | null): string {
  if (value === null) return '*NULL*';
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[*_`[\]<>#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table per statement, with what was run and the row count. */
export function toMarkdown(results: readonly QueryResult[]): string {
  return results
    .map((result) => {
      const head = `\`\`\`sql\n${result.statement.replace(/```/g, '`\u200b``')}\n\`\`\`\n\n`;
      if (result.columns.length === 0) {
        return `${head}${summary(result)}\n`;
      }
      const header = `| ${result.columns.map(markdownCell).join(' | ')} |`;
      const rule = `| ${result.columns.map(() => '---').join(' | ')} |`;
      const rows = result.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`);
      return `${head}${[header, rule, ...rows].join('\n')}\n\n${summary(result)}\n`;
    })
    .join('\n');
}

/** "3 rows", "3 rows (limit reached)", "UPDATE: 2 rows affected". */
export function summary(result: QueryResult): string {
  if (result.columns.length === 0) {
    return `${result.command ?? 'OK'}${result.rowCount === undefined ? '' : `: ${result.rowCount} row(s) affected`}`;
  }
  return `${result.rows.length} row(s)${result.truncated ? ' (row limit reached; more rows exist)' : ''}`;
}
