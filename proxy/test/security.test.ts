import { fetchMock, SELF } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { call, codestralAnswer, mockUpstream, post } from './helpers';

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
    let limited: Response | undefined;
    let sent = 0;
    for (; sent < 121 && !limited; ++sent) {
      const res = await SELF.fetch('https://proxy.test/v1/models', { headers: { Authorization: 'Bearer rate-test' } });
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    expect(sent).toBeGreaterThan(60); // never before the 61st
    expect(limited!.headers.get('retry-after')).toBe('60');
    expect(await limited!.json()).toEqual({
      error: { message: 'Rate limit exceeded. Try again in a minute.', type: 'rate_limit_error' },
    });
    // Another client (another key) is not affected.
    expect((await SELF.fetch('https://proxy.test/v1/models', { headers: { Authorization: 'Bearer other' } })).status).toBe(200);
  });

  it('keys by token when there is one and by client address otherwise', async () => {
    const keys: string[] = [];
    const limiter = { limit: async ({ key }: { key: string }) => (keys.push(key), { success: true }) };
    await call(new Request('https://proxy.test/v1/models', { headers: { Authorization: 'Bearer a' } }), { FIM_LIMITER: limiter });
    await call(new Request('https://proxy.test/v1/models', { headers: { 'cf-connecting-ip': '203.0.113.7' } }), { FIM_LIMITER: limiter });
    expect(keys[0]).toMatch(/^token:[0-9a-f]{24}$/);
    expect(keys[0]).not.toContain('Bearer');
    expect(keys[1]).toBe('ip:203.0.113.7');
  });
});
