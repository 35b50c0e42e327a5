import type { AuditRecorder } from '../../core/audit/auditEvent';
import type { Redactor } from '../../core/redaction/redactor';
import type { SecretStore } from '../../core/secrets/secretStore';
import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ConnectionSessions } from './connectionSessions';
import type { DatabaseSection } from './databaseSection';

/** What the Database commands share. */
export interface DatabaseServices {
  readonly log: ExtensionLog;
  readonly redactor: Redactor;
  readonly secrets: SecretStore;
  readonly audit: AuditRecorder;
  readonly sessions: ConnectionSessions;
  readonly section: DatabaseSection;
}
