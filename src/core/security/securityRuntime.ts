/**
 * The security runtime: the scan engine (runScan and the scanners' parsers), SARIF import,
 * merge and baseline, the findings of a merged log, and the remediation edits with their
 * parsers (yaml, smol-toml, PEP 440). The editor loads it on first use (a scan, a suppression,
 * an upgrade quick fix) through src/features/security/securityRuntimeLoader.ts; the build emits it
 * as dist/security-runtime.js, so activation and importing SARIF never evaluate it.
 */
export { runScan } from '../scanners/runScan';
export { importSarif } from '../sarif/importSarif';
export { mergeRuns } from '../sarif/mergeRuns';
export { applyBaseline } from '../sarif/applyBaseline';
export { findingsFromLog } from '../findings/findingsFromLog';
export { importFindings } from '../findings/importFindings';
export { addBanditNosec } from '../remediation/banditNosec';
export { addSafetyIgnore } from '../remediation/safetyPolicy';
export { addTrivyIgnore } from '../remediation/trivyIgnore';
export { lowestFixVersion } from '../remediation/lowestFixVersion';
export { upgradeRequirementLine } from '../remediation/upgradeRequirementLine';
