import { fetchMock, SELF } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { call, codestralAnswer, mockUpstream, post } from './helpers';
import { addMember, ownMemory } from './team';

beforeAll(() => {
  fetchMock.activate();
  fetchMock.disableNetConnect();
});
afterEach(() => fetchMock.assertNoPendingInterceptors());

describe('not an open relay', () => {
  it('with PROXY_TOKEN, /v1/* needs the bearer token and /health stays open', async () => {
    const token = { PROXY_TOKEN: 'proxy-secret' };
    const none = await call(post({ prompt: 'x' }), token);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      error: { message: 'A valid "Authorization: Bearer <token>" header is required.', type: 'authentication_error' },
    });
    expect((await call(post({ prompt: 'x' }, { Authorization: 'Bearer wrong' }), token)).status).toBe(401);
    expect((await call(new Request('https://proxy.test/v1/models'), token)).status).toBe(401);
    expect((await call(new Request('https://proxy.test/health'), token)).status).toBe(200);

    mockUpstream(200, codestralAnswer('ok'));
    const ok = await call(post({ prompt: 'x' }, { Authorization: 'Bearer proxy-secret' }), token);
    expect(ok.status).toBe(200);
  });

  it('without CODESTRAL_API_KEY it says so, as the seed does', async () => {
    const res = await call(post({ prompt: 'x' }), { CODESTRAL_API_KEY: '' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { message: 'CODESTRAL_API_KEY not configured', type: 'configuration_error' } });
  });

  it('CORS origins come from CORS_ORIGINS', async () => {
    const preflight = (origin: string) =>
      new Request('https://proxy.test/v1/models', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
    const allowed = await call(preflight('https://ide.example'), { CORS_ORIGINS: 'https://ide.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ide.example');
    const other = await call(preflight('https://evil.example'), { CORS_ORIGINS: 'https://ide.example' });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('the AI Gateway token is sent as cf-aig-authorization', async () => {
    const sent = mockUpstream(200, codestralAnswer('ok'));
    expect((await call(post({ prompt: 'x' }), { AI_GATEWAY_TOKEN: 'gw-token' })).status).toBe(200);
    expect(sent.headers?.['cf-aig-authorization']).toBe('Bearer gw-token');
  });
});

describe('rate limiting', () => {
  it('the rate-limiting binding turns away the 61st request a minute with 429 and Retry-After', async () => {
    // The binding counts per clock minute: 61 requests that straddle a minute boundary are split
    // over two windows and none is refused. 121 requests over at most two windows put 61 in one.
    // No token here: the client is known by its address.
    const from = (ip: string) => ({ headers: { 'cf-connecting-ip': ip } });
    let limited: Response | undefined;
    let sent = 0;
    for (; sent < 121 && !limited; ++sent) {
      const res = await SELF.fetch('https://proxy.test/v1/models', from('198.51.100.1'));
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    expect(sent).toBeGreaterThan(60); // never before the 61st
    expect(limited!.headers.get('retry-after')).toBe('60');
    expect(await limited!.json()).toEqual({
      error: { message: 'Rate limit exceeded. Try again in a minute.', type: 'rate_limit_error' },
    });
    // Another client (another address) is not affected.
    expect((await SELF.fetch('https://proxy.test/v1/models', from('198.51.100.2'))).status).toBe(200);
  });

  // A limiter that counts per key, allowing `limit` a key.
  function countingLimiter(limit = Infinity) {
    const keys: string[] = [];
    const limiter = {
      limit: async ({ key }: { key: string }) => {
        keys.push(key);
        return { success: keys.filter((k) => k === key).length <= limit };
      },
    };
    return { keys, limiter };
  }

  it('keys by the verified identity: the member, PROXY_TOKEN, or the client address without either', async () => {
    const { keys, limiter } = countingLimiter();
    const member = await addMember();
    await call(new Request('https://proxy.test/v1/models', { headers: member.auth }), { FIM_LIMITER: limiter, PROXY_TOKEN: 'p' });
    await call(new Request('https://proxy.test/v1/models', { headers: { Authorization: 'Bearer p' } }), { FIM_LIMITER: limiter, PROXY_TOKEN: 'p' });
    // An open proxy checks no token: a header sent anyway does not make a bucket of its own.
    const open = { FIM_LIMITER: limiter, FIM_DB: undefined };
    await call(new Request('https://proxy.test/v1/models', { headers: { 'cf-connecting-ip': '203.0.113.7', Authorization: 'Bearer any' } }), open);
    expect(keys).toEqual([`member:${member.id}:reads`, 'proxy-token:reads', 'ip:203.0.113.7:reads']);
    expect(keys.join()).not.toContain('Bearer');
  });

  it('Bearer with 1, 2 or 5 spaces is one bucket, for a member and for PROXY_TOKEN', async () => {
    const member = await addMember();
    // (ownMemory: the member added a moment ago is read at once; isolate.test.ts)
    for (const [token, bindings] of [[member.token, ownMemory()], ['proxy-secret', { PROXY_TOKEN: 'proxy-secret' }]] as const) {
      const { keys, limiter } = countingLimiter();
      for (const spaces of [1, 2, 5]) {
        mockUpstream(200, codestralAnswer('ok'));
        const res = await call(post({ prompt: 'x' }, { Authorization: `Bearer${' '.repeat(spaces)}${token}` }), { ...bindings, FIM_LIMITER: limiter });
        expect(res.status).toBe(200);
      }
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toBe(token === member.token ? `member:${member.id}` : 'proxy-token');
    }
  });

  it("asking for the usage never spends the member's completions", async () => {
    // A limit of 3 a key: 5 usage reads use up their own bucket, not the completions'.
    const { limiter } = countingLimiter(3);
    const member = await addMember();
    const bindings = { FIM_LIMITER: limiter, ...ownMemory() };
    const usage = () => call(new Request('https://proxy.test/v1/usage', { headers: member.auth }), bindings);
    const reads = [];
    for (let i = 0; i < 5; i += 1) reads.push((await usage()).status);
    expect(reads).toEqual([200, 200, 200, 429, 429]);
    mockUpstream(200, codestralAnswer('ok'));
    expect((await call(post({ prompt: 'x' }, member.auth), bindings)).status).toBe(200);
  });
});
