import { fetchMock } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { call, codestralAnswer, mockUpstream, post } from './helpers';
import { addMember, usageOf } from './team';

beforeAll(() => {
  fetchMock.activate();
  fetchMock.disableNetConnect();
});
afterEach(() => fetchMock.assertNoPendingInterceptors());

// The rate limiter is not what these tests are about: without it, 100 requests in a moment pass it.
const noLimiter = { FIM_LIMITER: undefined };

describe('daily quotas under concurrency', () => {
  it('100 concurrent requests of a member whose quota is 40: exactly 40 answered, 60 refused, 40 counted', async () => {
    const nora = await addMember({ dailyRequests: 40 });
    for (let i = 0; i < 40; i += 1) mockUpstream(200, codestralAnswer('x'), { 'content-type': 'application/json' }, i % 7);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => call(post({ prompt: `p${i}` }, nora.auth), noLimiter)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBe(40);
    expect(statuses.filter((s) => s === 429).length).toBe(60);
    const refused = answers.find((r) => r.status === 429)!;
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('daily request quota (40 of 40 requests)');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await usageOf(nora.id))[0]).toMatchObject({ requests: 40, promptTokens: 12 * 40, completionTokens: 5 * 40, errors: 0 });
  });

  it('the token quota is passed by at most the requests in flight when it was reached, and then refuses', async () => {
    // 17 tokens an answer, a quota of 20: six requests sent together all start before any has
    // counted its tokens, so all six are answered (the overshoot the README states); once their
    // tokens are in, nothing more passes, however many come together.
    const omar = await addMember({ dailyTokens: 20 });
    for (let i = 0; i < 6; i += 1) mockUpstream(200, codestralAnswer('x'), { 'content-type': 'application/json' }, 30);
    const first = await Promise.all(Array.from({ length: 6 }, () => call(post({ prompt: 'x' }, omar.auth), noLimiter)));
    expect(first.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect((await usageOf(omar.id))[0]).toMatchObject({ requests: 6, promptTokens: 72, completionTokens: 30 });
    const second = await Promise.all(Array.from({ length: 6 }, () => call(post({ prompt: 'x' }, omar.auth), noLimiter)));
    expect(second.map((r) => r.status)).toEqual(Array(6).fill(429));
    expect(((await second[0]!.json()) as { error: { message: string } }).error.message).toContain('daily token quota (102 of 20 tokens)');
    expect((await usageOf(omar.id))[0]!.requests).toBe(6);
  });

  it('a quota of 0 refuses the first request of the day', async () => {
    const pia = await addMember({ dailyRequests: 0 });
    const refused = await call(post({ prompt: 'x' }, pia.auth), noLimiter);
    expect(refused.status).toBe(429);
    expect(await usageOf(pia.id)).toEqual([]);
  });
});
