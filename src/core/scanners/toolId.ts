/** The scanners OpenPypi drives. */
export type ToolId = 'bandit' | 'pip-audit' | 'safety' | 'trivy';

export const TOOL_IDS: readonly ToolId[] = ['bandit', 'pip-audit', 'safety', 'trivy'];
