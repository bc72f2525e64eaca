import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { type AppEnv, numberVar } from './env';
import { jsonError } from './errors';
import { estimatedTokens, meteredStream, tokensOf } from './usage';
import type { FimBody } from './validate';

type UpstreamAnswer = {
  model?: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
  choices?: Array<{ text?: string; message?: { content?: string | null }; finish_reason?: string | null }>;
};

export const UPSTREAM_AUTH_MESSAGE =
  "Codestral refused the proxy's CODESTRAL_API_KEY (the owner must set it: wrangler secret put CODESTRAL_API_KEY)";

// Sends a validated request to Codestral (or an AI Gateway in front of it) and answers in the seed
// proxy's shape. A streamed answer passes through unbuffered; upstream errors keep their status and
// Retry-After, except a 401 (the proxy's own key refused: 502 upstream_auth_error); no answer within
// UPSTREAM_TIMEOUT_MS is a 504.
export async function forwardFim(c: Context<AppEnv>, body: FimBody): Promise<Response> {
  const env = c.env;
  const model = body.model ?? env.FIM_MODEL;
  const upstreamBody: Record<string, unknown> = {
    model,
    prompt: body.prompt,
    suffix: body.suffix,
    max_tokens: body.max_tokens,
    temperature: body.temperature,
  };
  for (const key of ['min_tokens', 'top_p', 'stop', 'random_seed'] as const) {
    if (body[key] !== undefined) upstreamBody[key] = body[key];
  }
  if (body.stream) upstreamBody.stream = true;

  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: body.stream ? 'text/event-stream' : 'application/json',
    Authorization: `Bearer ${env.CODESTRAL_API_KEY}`,
  };
  if (env.AI_GATEWAY_TOKEN) headers['cf-aig-authorization'] = `Bearer ${env.AI_GATEWAY_TOKEN}`;

  const timeoutMs = numberVar(env.UPSTREAM_TIMEOUT_MS, 30000);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(env.CODESTRAL_FIM_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify(upstreamBody),
      signal: controller.signal,
    });
  } catch {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      return jsonError(c, 504, 'timeout_error', `Codestral did not answer within ${timeoutMs} ms.`);
    }
    return jsonError(c, 502, 'api_error', 'Could not reach Codestral.');
  }
  // The timeout covers the wait for the answer's headers; a stream may then take its time.
  clearTimeout(timer);
  const duration = Date.now() - started;

  if (!response.ok) {
    const text = (await response.text()).slice(0, 4096);
    console.error(`[FIM] ${c.get('requestId')} upstream ${response.status} after ${duration} ms`);
    if (response.status === 401) {
      // Codestral refused the Worker's own key: not the client's token, and nothing the client can
      // fix. Passed through, the 401 would read as "your token is wrong".
      return jsonError(c, 502, 'upstream_auth_error', UPSTREAM_AUTH_MESSAGE);
    }
    const retryAfter = response.headers.get('retry-after');
    return jsonError(c, response.status as ContentfulStatusCode, 'api_error', `Codestral API error: ${text}`,
      retryAfter ? { 'Retry-After': retryAfter } : {});
  }

  const contentType = response.headers.get('content-type') ?? '';
  if (body.stream && contentType.includes('text/event-stream') && response.body) {
    console.log(`[FIM] ${c.get('requestId')} streaming, first byte after ${duration} ms`);
    let stream = response.body;
    if (c.get('member')) {
      // A member's usage: the tokens in the stream's last events, once it has ended; when it ended
      // before them (the client went away), estimated from the prompt and the text relayed.
      c.set('provisional', estimatedTokens(body.prompt, body.suffix, ''));
      c.set('tokens', new Promise((resolve) => {
        stream = meteredStream(response.body!, ({ tokens, text }) => resolve(tokens ?? estimatedTokens(body.prompt, body.suffix, text)));
      }));
    }
    return c.body(stream, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  }

  let data: UpstreamAnswer;
  try {
    data = (await response.json()) as UpstreamAnswer;
  } catch {
    return jsonError(c, 502, 'api_error', 'Codestral answered with something that is not JSON.');
  }
  const choice = data.choices?.[0];
  const text = choice?.message?.content ?? choice?.text ?? '';
  console.log(`[FIM] ${c.get('requestId')} ${duration} ms, completion ${text.length} chars`);
  c.set('tokens', tokensOf(data.usage) ?? estimatedTokens(body.prompt, body.suffix, text));
  return c.json({
    id: `fim-${Date.now()}`,
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ text, index: 0, finish_reason: choice?.finish_reason || 'stop' }],
    ...(data.usage ? { usage: data.usage } : {}),
  });
}
