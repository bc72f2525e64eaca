import { SELF, fetchMock } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { codestralAnswer, mockUpstream, post } from './helpers';

beforeAll(() => {
  fetchMock.activate();
  fetchMock.disableNetConnect();
});
afterEach(() => fetchMock.assertNoPendingInterceptors());

describe('POST /v1/fim/completions', () => {
  it('forwards with the seed defaults and answers in the seed shape, with usage', async () => {
    const sent = mockUpstream(200, codestralAnswer('return a + b'));
    const res = await SELF.fetch(post({ prompt: 'def add(a, b):\n    ' }));
    expect(res.status).toBe(200);
    expect(sent.body).toEqual({
      model: 'codestral-latest',
      prompt: 'def add(a, b):\n    ',
      suffix: '',
      max_tokens: 100,
      temperature: 0.2,
    });
    expect(sent.headers?.authorization).toBe('Bearer test-upstream-key');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'text_completion',
      model: 'codestral-latest',
      choices: [{ text: 'return a + b', index: 0, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
    });
    expect(String(body.id)).toMatch(/^fim-\d+$/);
  });

  it('passes every optional field and the chosen model, drops unknown ones', async () => {
    const sent = mockUpstream(200, codestralAnswer('x'));
    const res = await SELF.fetch(post({
      prompt: 'p', suffix: 's', max_tokens: 7, min_tokens: 1, temperature: 0, top_p: 0.9, stop: ['\n\n'],
      random_seed: 42, model: 'codestral-2508', user: 'someone', echo: true,
    }));
    expect(res.status).toBe(200);
    expect(sent.body).toEqual({
      model: 'codestral-2508', prompt: 'p', suffix: 's', max_tokens: 7, temperature: 0, min_tokens: 1, top_p: 0.9,
      stop: ['\n\n'], random_seed: 42,
    });
    expect(res.headers.get('x-fim-ignored-fields')).toBe('user,echo');
  });

  it('accepts the seed answer shape upstream too (choices[0].text)', async () => {
    mockUpstream(200, { choices: [{ text: 'return 1', finish_reason: 'length' }] });
    const body = (await (await SELF.fetch(post({ prompt: 'x' }))).json()) as { choices: Array<Record<string, unknown>> };
    expect(body.choices[0]).toEqual({ text: 'return 1', index: 0, finish_reason: 'length' });
  });

  it('streams: stream:true is forwarded and the SSE passes through as it is', async () => {
    const sse =
      'data: {"choices":[{"index":0,"delta":{"content":"return"},"finish_reason":null}]}\n\n' +
      'data: {"choices":[{"index":0,"delta":{"content":" a + b"},"finish_reason":"stop"}]}\n\n' +
      'data: [DONE]\n\n';
    const sent = mockUpstream(200, sse, { 'content-type': 'text/event-stream' });
    const res = await SELF.fetch(post({ prompt: 'x', stream: true }));
    expect(res.status).toBe(200);
    expect(sent.body?.stream).toBe(true);
    expect(sent.headers?.accept).toBe('text/event-stream');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await res.text()).toBe(sse);
  });

  it("answers 502 upstream_auth_error when Codestral refuses the proxy's own key, never the client's 401", async () => {
    mockUpstream(401, '{"message":"Unauthorized","request_id":"r1"}');
    const res = await SELF.fetch(post({ prompt: 'x' }));
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      error: {
        message: "Codestral refused the proxy's CODESTRAL_API_KEY (the owner must set it: wrangler secret put CODESTRAL_API_KEY)",
        type: 'upstream_auth_error',
      },
    });
  });

  it.each([
    [403, '{"message":"Forbidden","request_id":"r1"}', {}],
    [422, '{"detail":[{"loc":["body","prompt"],"msg":"Field required"}]}', {}],
    [429, '{"message":"Requests rate limit exceeded"}', { 'retry-after': '17' }],
    [500, 'upstream exploded', {}],
  ])('maps an upstream %i to the seed error shape with the same status', async (status, upstreamBody, extra) => {
    mockUpstream(status, upstreamBody, { 'content-type': 'application/json', ...extra });
    const res = await SELF.fetch(post({ prompt: 'x' }));
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toBe('api_error');
    expect(body.error.message).toBe(`Codestral API error: ${upstreamBody}`);
    if (status === 429) expect(res.headers.get('retry-after')).toBe('17');
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    mockUpstream(200, codestralAnswer('late'), { 'content-type': 'application/json' }, 2000);
    const res = await SELF.fetch(post({ prompt: 'x' }));
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({
      error: { message: 'Codestral did not answer within 300 ms.', type: 'timeout_error' },
    });
  });

  it('answers 502 without internal text when the upstream is not JSON', async () => {
    mockUpstream(200, '<html>oops</html>', { 'content-type': 'text/html' });
    const res = await SELF.fetch(post({ prompt: 'x' }));
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).not.toMatch(/SyntaxError|Unexpected token/);
  });
});

describe('validation before anything goes upstream', () => {
  it.each([
    ['null body', 'null', 'The request body must be a JSON object.'],
    ['array body', '[1,2]', 'The request body must be a JSON object.'],
    ['bad JSON', '{"prompt": ', 'Invalid JSON in request body'],
    ['no prompt', '{"suffix":"x"}', 'Missing required field: prompt'],
    ['prompt not a string', '{"prompt":42}', 'prompt must be a string.'],
    ['suffix not a string', '{"prompt":"","suffix":[]}', 'suffix must be a string.'],
    ['max_tokens "abc"', '{"prompt":"x","max_tokens":"abc"}', 'max_tokens must be an integer from 1 to 4096.'],
    ['max_tokens too large', '{"prompt":"x","max_tokens":100000}', 'max_tokens must be an integer from 1 to 4096.'],
    ['temperature 5', '{"prompt":"x","temperature":5}', 'temperature must be a number from 0 to 1.5.'],
    ['top_p 2', '{"prompt":"x","top_p":2}', 'top_p must be a number from 0 to 1.'],
    ['stop number', '{"prompt":"x","stop":5}', 'stop must be a string or a list of at most 16 non-empty strings.'],
    ['seed negative', '{"prompt":"x","random_seed":-1}', 'random_seed must be an integer of 0 or more.'],
    ['stream string', '{"prompt":"x","stream":"yes"}', 'stream must be true or false.'],
    ['min above max', '{"prompt":"x","max_tokens":5,"min_tokens":9}', 'min_tokens must not be larger than max_tokens.'],
    ['unknown model', '{"prompt":"x","model":"gpt-4"}', 'model must be one of: codestral-latest, codestral-2508.'],
  ])('%s gets a 400 that says why', async (_name, body, message) => {
    const res = await SELF.fetch(post(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message, type: 'invalid_request_error' } });
  });

  it('an empty prompt is allowed, as in the seed', async () => {
    mockUpstream(200, codestralAnswer('x'));
    expect((await SELF.fetch(post({ prompt: '' }))).status).toBe(200);
  });

  it('a body over 1 MiB gets a 413', async () => {
    const res = await SELF.fetch(post({ prompt: 'x'.repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});
