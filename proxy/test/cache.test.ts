import { fetchMock } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { cacheKey } from '../src/cache';
import { call, codestralAnswer, mockUpstream, post } from './helpers';
import { addMember, ownMemory } from './team';

beforeAll(() => {
  fetchMock.activate();
  fetchMock.disableNetConnect();
});
afterEach(() => fetchMock.assertNoPendingInterceptors());

// Each call runs to the end of its waitUntil work (the cache write), as the next request would
// find it on the edge.
let unique = 0;
// A repeatable request of its own (the cache outlives a test).
function repeatable(extra: Record<string, unknown> = {}) {
  unique += 1;
  return { prompt: `def f${unique}():\n    `, suffix: '\n', temperature: 0, random_seed: 7, ...extra };
}

describe('the edge cache of repeatable completions', () => {
  it('answers the same request from the cache: MISS, then HIT with no upstream call', async () => {
    const body = repeatable();
    mockUpstream(200, codestralAnswer('return 1'));
    const miss = await call(post(body));
    expect(miss.status).toBe(200);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const first = (await miss.json()) as { choices: Array<{ text: string }> };
    // No interceptor now: an upstream call would fail (net connect is off) and answer 502.
    const hit = await call(post({ ...body, max_tokens: 100 })); // the default, spelled out: the same request
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('x-request-id')).toBeTruthy();
    expect(hit.headers.get('access-control-expose-headers')).toContain('X-Cache');
    const second = (await hit.json()) as { choices: Array<{ text: string }> };
    expect(second.choices[0].text).toBe(first.choices[0].text);
  });

  it('keys on every field that changes the answer', async () => {
    const body = repeatable();
    mockUpstream(200, codestralAnswer('a'));
    expect((await call(post(body))).headers.get('x-cache')).toBe('MISS');
    for (const change of [{ random_seed: 8 }, { model: 'codestral-2508' }, { suffix: 'other' }, { stop: '\n' }, { top_p: 0.5 }]) {
      mockUpstream(200, codestralAnswer('b'));
      expect((await call(post({ ...body, ...change }))).headers.get('x-cache')).toBe('MISS');
    }
    expect(await cacheKey({ ...body, max_tokens: 100, stream: false, stop: '\n' }, 'm')).toEqual(
      await cacheKey({ ...body, max_tokens: 100, stream: false, stop: ['\n'] }, 'm'),
    );
  });

  it('Cache-Control: no-cache from the client goes upstream', async () => {
    const body = repeatable();
    mockUpstream(200, codestralAnswer('x'));
    await call(post(body));
    mockUpstream(200, codestralAnswer('y'));
    const bypass = await call(post(body, { 'Cache-Control': 'no-cache' }));
    expect(bypass.headers.get('x-cache')).toBe('BYPASS');
    expect(((await bypass.json()) as { choices: Array<{ text: string }> }).choices[0].text).toBe('y');
  });

  it('is not for streams, a temperature above 0, or no seed', async () => {
    for (const body of [repeatable({ temperature: 0.2 }), repeatable({ random_seed: undefined })]) {
      mockUpstream(200, codestralAnswer('x'));
      const res = await call(post(body));
      expect(res.headers.get('x-cache')).toBeNull();
      mockUpstream(200, codestralAnswer('x'));
      expect((await call(post(body))).headers.get('x-cache')).toBeNull();
    }
    const stream = repeatable({ stream: true });
    const sse = 'data: {"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    for (let i = 0; i < 2; i++) {
      mockUpstream(200, sse, { 'content-type': 'text/event-stream' });
      const res = await call(post(stream));
      expect(res.headers.get('x-cache')).toBeNull();
      await res.text();
    }
  });

  it('never keeps an error', async () => {
    const body = repeatable();
    mockUpstream(500, { message: 'boom' });
    const failed = await call(post(body));
    expect(failed.status).toBe(500);
    expect(failed.headers.get('x-cache')).toBe('MISS');
    mockUpstream(200, codestralAnswer('fine'));
    const after = await call(post(body));
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(((await after.json()) as { choices: Array<{ text: string }> }).choices[0].text).toBe('fine');
  });

  it('a Cache API whose put has no effect (as Cloudflare documents for some hosts): BYPASS with its reason, straight upstream', async () => {
    const calls = { put: 0, match: 0 };
    const dropping = {
      put: async () => void calls.put++,
      match: async () => (calls.match++, undefined),
      delete: async () => false,
    };
    vi.stubGlobal('caches', { default: dropping });
    try {
      const health = (await (await call(new Request('https://proxy.test/health'))).json()) as Record<string, unknown>;
      expect(health.edge_cache).toBe('inactive on this host');
      expect(calls).toEqual({ put: 1, match: 1 }); // the check, once for the isolate
      const body = repeatable();
      for (let i = 0; i < 3; i++) {
        mockUpstream(200, codestralAnswer(`x${i}`));
        const res = await call(post(body));
        expect(res.status).toBe(200);
        expect(res.headers.get('x-cache')).toBe('BYPASS');
        expect(res.headers.get('x-cache-reason')).toBe('cache-api-inactive-on-this-host');
        expect(((await res.json()) as { choices: Array<{ text: string }> }).choices[0].text).toBe(`x${i}`);
      }
      expect(calls).toEqual({ put: 1, match: 1 }); // no match or put per request
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('/health says whether the edge cache works here: active, or off with CACHE_TTL_S=0', async () => {
    const state = async (bindings = {}) =>
      ((await (await call(new Request('https://proxy.test/health'), bindings)).json()) as Record<string, unknown>).edge_cache;
    expect(await state()).toBe('active'); // wrangler dev and the tests' runtime implement the Cache API
    expect(await state({ CACHE_TTL_S: '0' })).toBe('off');
  });

  it("is kept per member: one member's HIT never comes from another's request, unless CACHE_SCOPE=team", async () => {
    const [ana, ben] = [await addMember(), await addMember()];
    const fresh = ownMemory(); // members added a moment ago are read at once (isolate.test.ts)
    const body = repeatable();
    mockUpstream(200, codestralAnswer('ana'));
    expect((await call(post(body, ana.auth), fresh)).headers.get('x-cache')).toBe('MISS');
    mockUpstream(200, codestralAnswer('ben'));
    const benFirst = await call(post(body, ben.auth), fresh);
    expect(benFirst.headers.get('x-cache')).toBe('MISS');
    expect(((await benFirst.json()) as { choices: Array<{ text: string }> }).choices[0].text).toBe('ben');
    expect((await call(post(body, ana.auth), fresh)).headers.get('x-cache')).toBe('HIT');
    // Shared by the team when the owner says so.
    const team = { ...fresh, CACHE_SCOPE: 'team' };
    const shared = repeatable();
    mockUpstream(200, codestralAnswer('first'));
    expect((await call(post(shared, ana.auth), team)).headers.get('x-cache')).toBe('MISS');
    const benHit = await call(post(shared, ben.auth), team);
    expect(benHit.headers.get('x-cache')).toBe('HIT');
    expect(((await benHit.json()) as { choices: Array<{ text: string }> }).choices[0].text).toBe('first');
  });

  it("keeps only the answer's headers: a HIT carries nothing of the request that filled the cache", async () => {
    const body = repeatable();
    mockUpstream(200, codestralAnswer('x'));
    const miss = await call(post({ ...body, user: 'someone' }));
    expect(miss.headers.get('x-fim-ignored-fields')).toBe('user');
    const missId = miss.headers.get('x-request-id');
    const hit = await call(post(body));
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('x-fim-ignored-fields')).toBeNull();
    expect(hit.headers.get('x-request-id')).not.toBe(missId);
    expect(hit.headers.get('content-type')).toContain('application/json');
  });

  it('CACHE_TTL_S=0 turns it off', async () => {
    const body = repeatable();
    for (let i = 0; i < 2; i++) {
      mockUpstream(200, codestralAnswer('x'));
      expect((await call(post(body), { CACHE_TTL_S: '0' })).headers.get('x-cache')).toBeNull();
    }
  });
});
