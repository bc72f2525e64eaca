import { createExecutionContext, env, fetchMock, waitOnExecutionContext } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { call, codestralAnswer, mockUpstream, post } from './helpers';
import { addMember, db, failingD1, heldD1, usageOf } from './team';
import { members, usage } from '../src/db/schema';
import app from '../src/index';

beforeAll(() => {
  fetchMock.activate();
  fetchMock.disableNetConnect();
});
afterEach(() => fetchMock.assertNoPendingInterceptors());

const models = (headers: Record<string, string> = {}) => new Request('https://proxy.test/v1/models', { headers });
const usageRequest = (headers: Record<string, string> = {}) => new Request('https://proxy.test/v1/usage', { headers });
type UsageAnswer = {
  member: string;
  quota: { daily_requests: number | null; daily_tokens: number | null };
  today: {
    day: string; requests: number; prompt_tokens: number; completion_tokens: number; estimated_prompt_tokens: number;
    estimated_completion_tokens: number; errors: number; cache_hits: number; latency_ms: number;
  };
  resets_in_s: number;
  days: Array<{ day: string; requests: number }>;
};

describe('member tokens', () => {
  it('accepts a member token; once a member exists, no token or an unknown one is refused', async () => {
    // Nothing remembered between requests here (isolate.test.ts: what is, and for how long).
    const fresh = { MEMBER_CACHE_S: '0' };
    expect((await call(models(), fresh)).status).toBe(200); // no member yet: open, as the seed
    const alice = await addMember();
    expect((await call(models(alice.auth), fresh)).status).toBe(200);
    const none = await call(models(), fresh);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      error: { message: 'A valid "Authorization: Bearer <token>" header is required.', type: 'authentication_error' },
    });
    expect((await call(models({ Authorization: 'Bearer fim_unknown' }), fresh)).status).toBe(401);
    expect((await call(models({ Authorization: 'Basic abc' }), fresh)).status).toBe(400);
  });

  it('keeps PROXY_TOKEN working beside members', async () => {
    const bob = await addMember();
    const shared = { PROXY_TOKEN: 'shared-secret' };
    expect((await call(models({ Authorization: 'Bearer shared-secret' }), shared)).status).toBe(200);
    expect((await call(models(bob.auth), shared)).status).toBe(200);
    expect((await call(models({ Authorization: 'Bearer wrong' }), shared)).status).toBe(401);
  });

  it('refuses a disabled member, saying so', async () => {
    const carol = await addMember({ disabled: true });
    const res = await call(models(carol.auth));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("This token was disabled by the proxy's owner.");
  });

  it('stores the token only as its SHA-256', async () => {
    const dave = await addMember();
    const rows = await db.select().from(members);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(dave.token);
    expect(text).toContain(rows.find((r) => r.name === dave.name)!.tokenSha256);
    expect(rows.find((r) => r.name === dave.name)!.tokenSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('when D1 fails or is missing', () => {
  it('PROXY_TOKEN users keep completing; no token, an unknown or a member token is never let through', async () => {
    const erin = await addMember();
    const broken = { FIM_DB: failingD1, PROXY_TOKEN: 'shared-secret' };
    mockUpstream(200, codestralAnswer('ok'));
    expect((await call(post({ prompt: 'x' }, { Authorization: 'Bearer shared-secret' }), broken)).status).toBe(200);
    for (const auth of [{ Authorization: 'Bearer fim_unknown' }, erin.auth]) {
      const res = await call(post({ prompt: 'x' }, auth), broken);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('member database cannot be read');
    }
    // Without PROXY_TOKEN, whether members exist is unknown: nothing goes through.
    expect((await call(post({ prompt: 'x' }), { FIM_DB: failingD1 })).status).toBe(503);
    expect((await call(post({ prompt: 'x' }, erin.auth), { FIM_DB: failingD1 })).status).toBe(503);
  });

  it('works as without the binding when it is absent or its migrations were never applied', async () => {
    for (const FIM_DB of [undefined, env.UNMIGRATED_DB]) {
      mockUpstream(200, codestralAnswer('ok'));
      expect((await call(post({ prompt: 'x' }), { FIM_DB })).status).toBe(200);
      expect((await call(usageRequest(), { FIM_DB })).status).toBe(404);
    }
    const shared = { FIM_DB: undefined, PROXY_TOKEN: 'shared-secret' };
    expect((await call(models({ Authorization: 'Bearer fim_member_of_nothing' }), shared)).status).toBe(401);
  });
});

describe('usage per member per UTC day', () => {
  it('counts requests, tokens, errors and latency after the answer', async () => {
    const frank = await addMember();
    mockUpstream(200, codestralAnswer('return 1'), { 'content-type': 'application/json' }, 20);
    expect((await call(post({ prompt: 'a' }, frank.auth))).status).toBe(200);
    mockUpstream(500, 'upstream exploded');
    expect((await call(post({ prompt: 'b' }, frank.auth))).status).toBe(500);
    expect((await call(post('not json', frank.auth))).status).toBe(400);
    const [row] = await usageOf(frank.id);
    expect(row).toMatchObject({ day: new Date().toISOString().slice(0, 10), requests: 3, promptTokens: 12, completionTokens: 5, errors: 2, cacheHits: 0 });
    expect(row!.latencyMs).toBeGreaterThanOrEqual(20);
    const [member] = await db.select().from(members).where(eq(members.id, frank.id));
    expect(member!.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reads the tokens of a stream from its last event, and passes the stream through as it came', async () => {
    const grace = await addMember();
    const sse =
      'data: {"choices":[{"index":0,"delta":{"content":"ret"}}]}\n\n' +
      'data: {"choices":[{"index":0,"delta":{"content":"urn 1"},"finish_reason":"stop"}],"usage":{"prompt_tokens":30,"completion_tokens":4,"total_tokens":34}}\n\n' +
      'data: [DONE]\n\n';
    mockUpstream(200, sse, { 'content-type': 'text/event-stream' });
    // The usage waits for the stream's end, which is the client reading it: read, then wait.
    const ctx = createExecutionContext();
    const res = await app.fetch(post({ prompt: 'x', stream: true }, grace.auth), env, ctx);
    expect(await res.text()).toBe(sse);
    await waitOnExecutionContext(ctx);
    expect((await usageOf(grace.id))[0]).toMatchObject({ requests: 1, promptTokens: 30, completionTokens: 4, errors: 0 });
  });

  it('a stream aborted after its first event counts estimated tokens, marked so; one read to the end, exact ones', async () => {
    const ines = await addMember();
    // An upstream stream that sends one event and then waits, as Codestral does while it generates;
    // the client goes away after that event (the playground does on every keystroke).
    const first = 'data: {"choices":[{"index":0,"delta":{"content":"return total"}}]}\n\n';
    let upstreamCancelled = false;
    vi.stubGlobal('fetch', async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(first));
          },
          cancel() {
            upstreamCancelled = true;
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      ));
    try {
      const ctx = createExecutionContext();
      const prompt = 'def total(xs):\n    '; // 19 characters
      const suffix = '\n\nprint(total([1]))\n'; // 20: 39 characters, 10 tokens by the playground's estimate (4 a token)
      const res = await app.fetch(post({ prompt, suffix, stream: true }, ines.auth), env, ctx);
      const reader = res.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(first);
      await reader.cancel();
      await waitOnExecutionContext(ctx);
      expect(upstreamCancelled).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
    // "return total": 12 characters relayed, 3 tokens; nothing counted as exact.
    expect((await usageOf(ines.id))[0]).toMatchObject({
      requests: 1, promptTokens: 0, completionTokens: 0, estimatedPromptTokens: 10, estimatedCompletionTokens: 3,
    });
    // Read to the end, its last event's usage counts, exactly.
    const sse =
      'data: {"choices":[{"index":0,"delta":{"content":"return 1"},"finish_reason":"stop"}],"usage":{"prompt_tokens":30,"completion_tokens":4,"total_tokens":34}}\n\n' +
      'data: [DONE]\n\n';
    mockUpstream(200, sse, { 'content-type': 'text/event-stream' });
    const ctx = createExecutionContext();
    const res = await app.fetch(post({ prompt: 'x', stream: true }, ines.auth), env, ctx);
    expect(await res.text()).toBe(sse);
    await waitOnExecutionContext(ctx);
    expect((await usageOf(ines.id))[0]).toMatchObject({
      requests: 2, promptTokens: 30, completionTokens: 4, estimatedPromptTokens: 10, estimatedCompletionTokens: 3,
    });
    // GET /v1/usage and the daily token quota see both, apart.
    const today = ((await (await call(usageRequest(ines.auth))).json()) as UsageAnswer).today;
    expect(today).toMatchObject({ prompt_tokens: 30, completion_tokens: 4, estimated_prompt_tokens: 10, estimated_completion_tokens: 3 });
  });

  it("a stream whose end never comes is still counted and billed by its prompt's estimate; its end replaces that", async () => {
    // workerd can drop a stream whose client left without telling the Worker (no cancel, no end):
    // the request and its prompt's estimate are recorded as soon as the headers go out.
    const jon = await addMember();
    const first = 'data: {"choices":[{"index":0,"delta":{"content":"return total"}}]}\n\n';
    let upstream!: ReadableStreamDefaultController<Uint8Array>;
    vi.stubGlobal('fetch', async () =>
      new Response(new ReadableStream<Uint8Array>({ start(controller) { upstream = controller; controller.enqueue(new TextEncoder().encode(first)); } }),
        { headers: { 'content-type': 'text/event-stream' } }));
    const ctx = createExecutionContext();
    try {
      const prompt = 'def total(xs):\n    '; // 19 characters
      const suffix = '\n\nprint(total([1]))\n'; // 20: 39 characters, 10 tokens
      const res = await app.fetch(post({ prompt, suffix, stream: true }, jon.auth), { ...env, USAGE_BATCH_MS: '0' }, ctx);
      const reader = res.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(first);
      // The stream is neither read on nor cancelled: its prompt is billed all the same.
      await vi.waitFor(async () => expect((await usageOf(jon.id))[0]).toMatchObject({
        requests: 1, promptTokens: 0, completionTokens: 0, estimatedPromptTokens: 10, estimatedCompletionTokens: 0,
      }));
      // Its end comes after all, with the upstream's count: that replaces the estimate, the request counted once.
      upstream.enqueue(new TextEncoder().encode(
        'data: {"choices":[{"index":0,"delta":{"content":"(xs)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":17,"completion_tokens":5}}\n\n'));
      upstream.close();
      while (!(await reader.read()).done) { /* read to the end */ }
      await waitOnExecutionContext(ctx);
    } finally {
      vi.unstubAllGlobals();
      try { upstream.close(); } catch { /* closed above */ }
    }
    expect((await usageOf(jon.id))[0]).toMatchObject({
      requests: 1, promptTokens: 17, completionTokens: 5, estimatedPromptTokens: 0, estimatedCompletionTokens: 0, errors: 0,
    });
  });

  it('counts an edge-cache hit as a request with zero upstream tokens', async () => {
    const heidi = await addMember();
    const body = { prompt: `def cached_${crypto.randomUUID().slice(0, 8)}():`, temperature: 0, random_seed: 3 };
    mockUpstream(200, codestralAnswer('pass'));
    expect((await call(post(body, heidi.auth))).headers.get('x-cache')).toBe('MISS');
    expect((await call(post(body, heidi.auth))).headers.get('x-cache')).toBe('HIT');
    expect((await usageOf(heidi.id))[0]).toMatchObject({ requests: 2, promptTokens: 12, completionTokens: 5, cacheHits: 1 });
  });

  it('adds up concurrent requests of one member exactly', async () => {
    const ivan = await addMember();
    const n = 24;
    for (let i = 0; i < n; i += 1) mockUpstream(200, codestralAnswer('x'), { 'content-type': 'application/json' }, i % 5);
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => call(post({ prompt: `p${i}` }, ivan.auth))));
    expect(answers.map((r) => r.status)).toEqual(Array(n).fill(200));
    expect((await usageOf(ivan.id))[0]).toMatchObject({ requests: n, promptTokens: 12 * n, completionTokens: 5 * n });
  });

  it('never delays the answer: it is complete while the usage write is still held', async () => {
    const judy = await addMember();
    const held = heldD1(env.FIM_DB!);
    mockUpstream(200, codestralAnswer('return 2'));
    const ctx = createExecutionContext();
    const res = await app.fetch(post({ prompt: 'x' }, judy.auth), { ...env, FIM_DB: held.d1 }, ctx);
    expect(((await res.json()) as { choices: Array<{ text: string }> }).choices[0]!.text).toBe('return 2');
    expect(held.written()).toBe(false);
    expect(await usageOf(judy.id)).toEqual([]);
    held.release();
    await waitOnExecutionContext(ctx);
    expect(held.written()).toBe(true);
    expect((await usageOf(judy.id))[0]).toMatchObject({ requests: 1 });
  });
});

describe('daily quotas', () => {
  it('answers 429 in the seed error shape once the daily requests are used, until UTC midnight', async () => {
    const kim = await addMember({ dailyRequests: 2 });
    for (let i = 0; i < 2; i += 1) {
      mockUpstream(200, codestralAnswer('ok'));
      expect((await call(post({ prompt: 'x' }, kim.auth))).status).toBe(200);
    }
    const refused = await call(post({ prompt: 'x' }, kim.auth));
    expect(refused.status).toBe(429);
    const { error } = (await refused.json()) as { error: { message: string; type: string } };
    expect(error.type).toBe('rate_limit_error');
    expect(error.message).toContain('daily request quota (2 of 2 requests)');
    const now = new Date();
    const toMidnight = (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;
    expect(Math.abs(Number(refused.headers.get('retry-after')) - toMidnight)).toBeLessThan(5);
    // Refused requests are not counted; other routes stay open.
    expect((await usageOf(kim.id))[0]!.requests).toBe(2);
    expect((await call(models(kim.auth))).status).toBe(200);
  });

  it('answers 429 once the daily tokens are used, naming that quota', async () => {
    const leo = await addMember({ dailyTokens: 20 });
    for (let i = 0; i < 2; i += 1) {
      mockUpstream(200, codestralAnswer('ok')); // 17 tokens each: 17 < 20 lets the second through
      expect((await call(post({ prompt: 'x' }, leo.auth))).status).toBe(200);
    }
    const refused = await call(post({ prompt: 'x' }, leo.auth));
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('daily token quota (34 of 20 tokens)');
  });
});

describe('GET /v1/usage', () => {
  it("gives the caller's usage today and over the last days, with their quotas", async () => {
    const mia = await addMember({ dailyRequests: 100 });
    const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);
    const old = new Date(Date.now() - 40 * 86400_000).toISOString().slice(0, 10);
    await db.insert(usage).values([
      { memberId: mia.id, day: yesterday, requests: 7 },
      { memberId: mia.id, day: old, requests: 9 },
    ]);
    mockUpstream(200, codestralAnswer('ok'));
    await call(post({ prompt: 'x' }, mia.auth));
    const res = await call(usageRequest(mia.auth));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as UsageAnswer;
    expect(answer.member).toBe(mia.name);
    expect(answer.quota).toEqual({ daily_requests: 100, daily_tokens: null });
    expect(answer.today).toMatchObject({ requests: 1, prompt_tokens: 12, completion_tokens: 5, errors: 0 });
    expect(answer.days.map((d) => [d.day, d.requests])).toEqual([[answer.today.day, 1], [yesterday, 7]]);
    expect(answer.resets_in_s).toBeGreaterThan(0);
    expect(answer.resets_in_s).toBeLessThanOrEqual(86400);
  });

  it('says why there is no usage for the shared token', async () => {
    await addMember();
    const res = await call(usageRequest({ Authorization: 'Bearer shared-secret' }), { PROXY_TOKEN: 'shared-secret' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('kept per member token');
  });
});
