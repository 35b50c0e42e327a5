/** The AI provider's settings, read by the glue from openpypi.ai.* and handed in whole. */
export interface AiSettings {
  /** An OpenAI-compatible endpoint ending in /v1 (OpenAI, Ollama, vLLM, LM Studio...). */
  readonly baseUrl: string;
  readonly model: string;
  /** In US dollars; a request estimated above it needs the user's confirmation. */
  readonly maxCostPerRequest: number;
}

export const openAiBaseUrl = 'https://api.openai.com/v1';

export const defaultAiSettings: AiSettings = {
  baseUrl: openAiBaseUrl,
  model: 'gpt-4o-mini',
  maxCostPerRequest: 0.05,
};

/** Fills gaps from the defaults and checks the URL, naming the setting that is wrong. */
export function normalizeAiSettings(raw: Partial<Record<keyof AiSettings, unknown>>): AiSettings {
  const baseUrl =
    typeof raw.baseUrl === 'string' && raw.baseUrl.trim() !== ''
      ? raw.baseUrl.trim().replace(/\/+$/, '')
      : defaultAiSettings.baseUrl;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(
      `The setting openpypi.ai.baseUrl is not a URL: "${baseUrl}". Use e.g. ${openAiBaseUrl} or http://127.0.0.1:11434/v1.`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`The setting openpypi.ai.baseUrl must be an http(s) URL, not "${baseUrl}".`);
  }
  const model =
    typeof raw.model === 'string' && raw.model.trim() !== ''
      ? raw.model.trim()
      : defaultAiSettings.model;
  const maxCost =
    typeof raw.maxCostPerRequest === 'number' &&
    Number.isFinite(raw.maxCostPerRequest) &&
    raw.maxCostPerRequest >= 0
      ? raw.maxCostPerRequest
      : defaultAiSettings.maxCostPerRequest;
  return { baseUrl, model, maxCostPerRequest: maxCost };
}

/** The host shown to the user, e.g. "api.openai.com" or "127.0.0.1:11434". */
export function aiHost(settings: AiSettings): string {
  return new URL(settings.baseUrl).host;
}

export function isOpenAiEndpoint(settings: AiSettings): boolean {
  return aiHost(settings) === 'api.openai.com';
}
