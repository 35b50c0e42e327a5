import { secretPatterns } from './secretPatterns';

export const REDACTED = '[REDACTED]';

/**
 * The one redaction function of OpenPypi. Every log line, every audit record and every text
 * sent to an AI model passes through `redact`. It removes the secrets it was told about
 * (stored tokens, passwords) and anything shaped like a well-known credential.
 */
export class Redactor {
  private readonly known = new Set<string>();

  /** Remember a secret value so that it is redacted wherever it appears. */
  addSecret(value: string): void {
    // Very short values would redact ordinary words; they are not credentials anyway.
    if (value.length >= 6) {
      this.known.add(value);
    }
  }

  removeSecret(value: string): void {
    this.known.delete(value);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so that a secret containing another is removed whole.
    const known = [...this.known].sort((a, b) => b.length - a.length);
    for (const secret of known) {
      out = out.split(secret).join(REDACTED);
    }
    for (const { name, pattern } of secretPatterns) {
      out = out.replace(pattern, (match: string, keyword?: string) =>
        name === 'bearer token' && keyword !== undefined ? `${keyword} ${REDACTED}` : REDACTED,
      );
    }
    return out;
  }
}
