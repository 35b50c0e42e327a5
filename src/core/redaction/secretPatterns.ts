/**
 * Shapes of well-known credentials. Each pattern matches the whole secret so that it can be
 * replaced, not only detected. Kept apart from the redactor so the list can be read and tested
 * on its own.
 *
 * No pattern asks for a word boundary before its prefix: a credential glued to a letter or digit
 * (`xghp_…`, `key=AKIA…`, `my_tokenghp_…`) is still a credential, and a word lost from a log line
 * costs less than a leaked token. The one short, common prefix, `sk-` (as in `flask-`, `task-`),
 * is matched glued to a word only where its body looks generated: `sk-proj-`/`sk-svcacct-`/
 * `sk-admin-`, or 20+ letters and digits holding both (OpenAI's older keys are 48 of them).
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
  { name: 'GitHub fine-grained token', pattern: /github_pat_[A-Za-z0-9_]{20,}/g },
  { name: 'GitHub token', pattern: /gh[pousr]_[A-Za-z0-9]{20,}/g },
  {
    name: 'OpenAI key',
    pattern:
      /(?<![A-Za-z0-9])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{16,}|sk-(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{20,}/g,
  },
  { name: 'AWS access key id', pattern: /(?:AKIA|ASIA)[A-Z0-9]{16,}/g },
  { name: 'Slack token', pattern: /xox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'bearer token', pattern: /(Bearer|token)\s+[A-Za-z0-9._~+/=-]{16,}/gi },
  { name: 'password in URL', pattern: /(?<=[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+(?=@)/gi },
];
