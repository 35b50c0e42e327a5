/**
 * Checks the shape of an API key before any network call. OpenAI's keys start with `sk-`
 * (project keys `sk-proj-`, service accounts `sk-svcacct-`); other OpenAI-compatible servers
 * (Ollama, vLLM, LM Studio) accept any token, so only emptiness and whitespace are checked.
 * Returns the problem, or undefined when the key looks right.
 */
export function apiKeyProblem(key: string, openAiEndpoint: boolean): string | undefined {
  if (key.trim() === '') {
    return 'Enter an API key.';
  }
  if (/\s/.test(key.trim())) {
    return 'An API key has no spaces or line breaks.';
  }
  if (openAiEndpoint && !/^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}$/.test(key.trim())) {
    return 'An OpenAI API key starts with "sk-" or "sk-proj-" followed by at least 16 letters, digits, "-" or "_".';
  }
  return undefined;
}
