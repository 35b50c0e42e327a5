import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible HTTP server for tests, on 127.0.0.1 and a free port. It speaks the
 * wire format of api.openai.com as documented in its API reference: GET /v1/models,
 * POST /v1/chat/completions with and without `stream: true` (server-sent events ending in
 * `data: [DONE]`, usage in a last chunk when `stream_options.include_usage`), and error bodies
 * `{"error": {"message", "type", "param", "code"}}` for 401, 404, 429 (with `retry-after`) and
 * 500. Tests script failures and answers, and read back every request body it received.
 */
export interface ChatCompletionBody {
  readonly model: string;
  readonly messages: readonly { role: string; content: string }[];
  readonly stream?: boolean;
  readonly stream_options?: { include_usage?: boolean };
  readonly max_completion_tokens?: number;
}

export interface ScriptedFailure {
  readonly status: 401 | 404 | 429 | 500 | 503;
  /** Seconds, sent as the `retry-after` header (429 and 503). */
  readonly retryAfter?: number;
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface OpenAiTestServerOptions {
  /** Keys the server accepts as `Authorization: Bearer <key>`. */
  readonly validKeys: readonly string[];
  readonly models?: readonly string[];
  /** The assistant's answer to a chat request. */
  readonly respond?: (body: ChatCompletionBody) => string;
  /** Characters per streamed chunk. */
  readonly chunkSize?: number;
}

const created = 1_732_000_000;

function errorBody(status: number, model: string, key: string): object {
  switch (status) {
    case 401:
      return {
        error: {
          message: `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      };
    case 404:
      return {
        error: {
          message: `The model \`${model}\` does not exist or you do not have access to it.`,
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      };
    case 429:
      return {
        error: {
          message: `Rate limit reached for ${model} in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      };
    default:
      return {
        error: {
          message: 'The server had an error while processing your request. Sorry about that!',
          type: 'server_error',
          param: null,
          code: null,
        },
      };
  }
}

/** OpenAI masks the key it rejects like this: first 3 and last 4 characters kept. */
function maskKey(key: string): string {
  return key.length > 8 ? `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}` : '***';
}

/** A rough token count (4 characters a token), as small servers report it. */
function roughTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export class OpenAiTestServer {
  readonly requests: ReceivedRequest[] = [];
  private readonly failures: ScriptedFailure[] = [];
  private server: Server | undefined;
  private base = '';
  respond: (body: ChatCompletionBody) => string;

  constructor(private readonly options: OpenAiTestServerOptions) {
    this.respond =
      options.respond ??
      ((body) => `Answer from the test server to ${body.messages.length} messages.`);
  }

  /** The base URL to give the SDK, e.g. http://127.0.0.1:41234/v1. */
  get baseUrl(): string {
    return this.base;
  }

  get models(): readonly string[] {
    return this.options.models ?? ['gpt-4o-mini', 'gpt-4o'];
  }

  /** The next requests (any endpoint) fail with these, in order. */
  failNext(...failures: ScriptedFailure[]): void {
    this.failures.push(...failures);
  }

  chatRequests(): ChatCompletionBody[] {
    return this.requests
      .filter((r) => r.path === '/v1/chat/completions')
      .map((r) => JSON.parse(r.body) as ChatCompletionBody);
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}/v1`;
    return this.base;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const authorization = request.headers.authorization;
    this.requests.push({ method: request.method ?? 'GET', path, authorization, body });
    const key = authorization?.replace(/^Bearer\s+/i, '') ?? '';
    let model = '';
    let parsed: ChatCompletionBody | undefined;
    if (request.method === 'POST' && body) {
      try {
        parsed = JSON.parse(body) as ChatCompletionBody;
        model = parsed.model;
      } catch {
        this.json(response, 400, {
          error: {
            message: 'We could not parse the JSON body of your request.',
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        });
        return;
      }
    }
    const failure = this.failures.shift();
    if (failure) {
      const headers: Record<string, string> = { 'x-request-id': `req_${this.requests.length}` };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      this.json(response, failure.status, errorBody(failure.status, model, key), headers);
      return;
    }
    if (!this.options.validKeys.includes(key)) {
      this.json(response, 401, errorBody(401, model, key));
      return;
    }
    if (request.method === 'GET' && path === '/v1/models') {
      this.json(response, 200, {
        object: 'list',
        data: this.models.map((id) => ({
          id,
          object: 'model',
          created,
          owned_by: 'openpypi-test',
        })),
      });
      return;
    }
    if (request.method === 'POST' && path === '/v1/chat/completions' && parsed) {
      if (!this.models.includes(parsed.model)) {
        this.json(response, 404, errorBody(404, parsed.model, key));
        return;
      }
      this.completion(response, parsed);
      return;
    }
    this.json(response, 404, {
      error: {
        message: `Invalid URL (${request.method ?? 'GET'} ${path})`,
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  }

  private completion(response: ServerResponse, body: ChatCompletionBody): void {
    const answer = this.respond(body);
    const id = `chatcmpl-test${this.requests.length}`;
    const usage = {
      prompt_tokens: roughTokens(body.messages.map((m) => m.content).join('\n')),
      completion_tokens: roughTokens(answer),
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (!body.stream) {
      this.json(response, 200, {
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer, refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage,
        system_fingerprint: 'fp_test',
      });
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const chunk = (choices: object[], extra: object = {}): void => {
      response.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, system_fingerprint: 'fp_test', choices, ...extra })}\n\n`,
      );
    };
    chunk([
      {
        index: 0,
        delta: { role: 'assistant', content: '', refusal: null },
        logprobs: null,
        finish_reason: null,
      },
    ]);
    const size = this.options.chunkSize ?? 16;
    for (let at = 0; at < answer.length; at += size) {
      chunk([
        {
          index: 0,
          delta: { content: answer.slice(at, at + size) },
          logprobs: null,
          finish_reason: null,
        },
      ]);
    }
    chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    if (body.stream_options?.include_usage) {
      chunk([], { usage });
    }
    response.end('data: [DONE]\n\n');
  }

  private json(
    response: ServerResponse,
    status: number,
    body: object,
    headers: Record<string, string> = {},
  ): void {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  }
}
