/**
 * Shapes of well-known credentials. Each pattern matches the whole secret so that it can be
 * replaced, not only detected. Kept apart from the redactor so the list can be read and tested
 * on its own.
 */
export interface SecretPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

export const secretPatterns: readonly SecretPattern[] = [
  {
    name: 'private key block',
    pattern:
      /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  },
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/g },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{20,}/g },
  { name: 'OpenAI key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'bearer token', pattern: /\b(Bearer|token)\s+[A-Za-z0-9._~+/=-]{16,}/gi },
  { name: 'password in URL', pattern: /(?<=[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+(?=@)/gi },
];
