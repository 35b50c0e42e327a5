/**
 * Adds Bandit's own suppression to a source line, so it also holds when Bandit runs on the
 * command line: `# nosec B602 # reason`. An existing `# nosec` comment gets the rule id added.
 * Bandit 1.6 skips any line with `# nosec`; 1.7 and later honour the listed ids.
 */
export function addBanditNosec(line: string, ruleId: string, reason: string): string {
  const cleanReason = reason.replace(/[\r\n]+/g, ' ').trim();
  const existing = /#\s*nosec\b:?\s*([A-Za-z0-9_, ]*)/.exec(line);
  if (existing) {
    const ids = (existing[1] ?? '').split(/[,\s]+/).filter((id) => id !== '');
    if (ids.includes(ruleId)) return line;
    const listed = [...ids, ruleId].join(', ');
    return (
      line.slice(0, existing.index) +
      `# nosec ${listed}` +
      line.slice(existing.index + existing[0].trimEnd().length)
    );
  }
  const trimmed = line.replace(/\s+$/, '');
  const comment = cleanReason === '' ? `# nosec ${ruleId}` : `# nosec ${ruleId} # ${cleanReason}`;
  return `${trimmed}  ${comment}`;
}
