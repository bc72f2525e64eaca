import { createExecutionContext, env, fetchMock, waitOnExecutionContext } from 'cloudflare:test';

import app from '../src/index';

export const UPSTREAM = 'https://upstream.test';
export const FIM_PATH = '/v1/fim/completions';

export function codestralAnswer(text: string, finish = 'stop') {
  return {
    id: 'cmpl-1',
    object: 'chat.completion',
    model: 'codestral-latest',
    created: 1704020400,
    usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
  };
}

// Mocks one upstream completion and returns what the proxy sent there.
export function mockUpstream(
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  delayMs = 0,
) {
  const sent: { body?: Record<string, unknown>; headers?: Record<string, string> } = {};
  const scope = fetchMock
    .get(UPSTREAM)
    .intercept({ method: 'POST', path: FIM_PATH })
    .reply(
      status,
      (opts: { body?: unknown; headers?: unknown }) => {
        sent.body = JSON.parse(String(opts.body));
        sent.headers = Object.fromEntries(
          Object.entries((opts.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
        );
        return typeof body === 'string' ? body : JSON.stringify(body);
      },
      { headers },
    );
  if (delayMs > 0) scope.delay(delayMs);
  return sent;
}

// The client's address as Cloudflare passes it, one per test file: a caller without a verified
// token is rate-limited by it, and the files' requests do not add up in one bucket of the binding.
export const CLIENT_ADDRESS = `2001:db8::${crypto.randomUUID().slice(0, 4)}`;

export function post(body: unknown, headers: Record<string, string> = {}) {
  return new Request(`https://proxy.test${FIM_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'cf-connecting-ip': CLIENT_ADDRESS, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// One request through the Worker with some bindings changed, run to the end of its waitUntil work
// (cache writes, usage), as the next request would find it.
export async function call(request: Request, overrides: Record<string, unknown> = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(request, { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
