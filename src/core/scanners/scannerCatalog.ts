import { banditScanner } from './bandit';
import { pipAuditScanner } from './pipAudit';
import { safetyScanner } from './safety';
import type { Scanner } from './scanner';
import type { ToolId } from './toolId';
import { trivyScanner } from './trivy';

/** Every scanner OpenPypi can run, by id. */
export const scannerCatalog: Readonly<Record<ToolId, Scanner>> = {
  bandit: banditScanner,
  'pip-audit': pipAuditScanner,
  safety: safetyScanner,
  trivy: trivyScanner,
};
