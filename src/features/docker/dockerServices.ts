import type { Run } from 'sarif';
import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { DockerEngineWatch } from './dockerEngineWatch';
import type { DockerSection } from './dockerSection';
import type { ImageScanResults } from './imageScanResults';

/** What the Docker commands share. */
export interface DockerServices {
  readonly watch: DockerEngineWatch;
  readonly section: DockerSection;
  readonly scans: ImageScanResults;
  readonly audit: AuditRecorder;
  readonly log: ExtensionLog;
  /** Shows an image scan's SARIF run in the findings view and diagnostics. */
  publishRuns(folder: string, source: string, runs: Run[]): Promise<void>;
}
