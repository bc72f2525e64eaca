import { env, fetchMock } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { call, codestralAnswer, mockUpstream, post } from './helpers';
import { addMember, countingD1, db, usageOf } from './team';
import { members } from '../src/db/schema';

beforeAll(() => {
  fetchMock.activate();
  fetchMock.disableNetConnect();
});
afterEach(() => {
  fetchMock.assertNoPendingInterceptors();
  vi.useRealTimers();
});

// What an isolate read of members is trusted for (MEMBER_CACHE_S, default 30 s), on a fake clock.
const TRUSTED_MS = 30_000;
const models = (headers: Record<string, string> = {}) => new Request('https://proxy.test/v1/models', { headers });

describe('membership costs no query on the hot path', () => {
  it("a member's token is read from D1 once, then from the isolate's memory; usage is one batch after the answer", async () => {
    const zoe = await addMember();
    const counting = countingD1(env.FIM_DB!);
    const bound = { FIM_DB: counting.d1 };
    mockUpstream(200, codestralAnswer('a'));
    expect((await call(post({ prompt: 'x' }, zoe.auth), bound)).status).toBe(200);
    const afterFirst = { ...counting.counts };
    expect(afterFirst.batches).toBe(1);
    for (let i = 0; i < 5; i += 1) {
      mockUpstream(200, codestralAnswer('b'));
      expect((await call(post({ prompt: 'x' }, zoe.auth), bound)).status).toBe(200);
    }
    expect(counting.counts.statements - afterFirst.statements).toBe(0); // no statement of its own: only the usage batches
    expect(counting.counts.batches - afterFirst.batches).toBe(5);
  });

  it("the usage of a moment's requests goes to D1 in one batch, summed exactly; a token quota's at once", async () => {
    const [una, vic] = [await addMember(), await addMember({ dailyTokens: 1_000_000 })];
    const counting = countingD1(env.FIM_DB!);
    const bound = { FIM_DB: counting.d1, USAGE_BATCH_MS: '200' };
    for (let i = 0; i < 6; i += 1) mockUpstream(200, codestralAnswer('x'), { 'content-type': 'application/json' }, i * 10);
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(post({ prompt: 'x' }, una.auth), bound)));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(counting.counts.batches).toBe(1);
    expect((await usageOf(una.id))[0]).toMatchObject({ requests: 6, promptTokens: 72, completionTokens: 30 });
    const before = counting.counts.batches;
    for (let i = 0; i < 2; i += 1) {
      mockUpstream(200, codestralAnswer('y'));
      const started = Date.now();
      expect((await call(post({ prompt: 'x' }, vic.auth), bound)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(200); // not held for the batch
    }
    expect(counting.counts.batches - before).toBe(2);
    expect((await usageOf(vic.id))[0]).toMatchObject({ requests: 2, promptTokens: 24 });
  });

  it('a batch D1 refuses stays pending and goes, whole, with the next one', async () => {
    const wes = await addMember();
    const counting = countingD1(env.FIM_DB!);
    const bound = { FIM_DB: counting.d1, USAGE_BATCH_MS: '0' };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    counting.faults.batches = 1;
    mockUpstream(200, codestralAnswer('a'));
    expect((await call(post({ prompt: 'x' }, wes.auth), bound)).status).toBe(200);
    expect(await usageOf(wes.id)).toEqual([]); // refused: nothing written yet
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/usage not recorded: D1_ERROR: simulated outage/));
    mockUpstream(200, codestralAnswer('b'));
    expect((await call(post({ prompt: 'x' }, wes.auth), bound)).status).toBe(200);
    expect((await usageOf(wes.id))[0]).toMatchObject({ requests: 2, promptTokens: 24, completionTokens: 10 });
    expect(counting.counts.batches).toBe(2);
    errors.mockRestore();
  });

  it('an open proxy with the binding asks once whether members exist', async () => {
    const counting = countingD1(env.FIM_DB!);
    for (let i = 0; i < 4; i += 1) {
      mockUpstream(200, codestralAnswer('c'));
      expect((await call(post({ prompt: 'x' }, { Authorization: 'Bearer whoever' }), { FIM_DB: counting.d1 })).status).toBe(200);
    }
    expect(counting.counts).toEqual({ statements: 1, batches: 0 });
  });

  it('a disabled member is refused within MEMBER_CACHE_S, and at once once the memory has expired', async () => {
    const yan = await addMember();
    const counting = countingD1(env.FIM_DB!); // a memory of this test's own
    const bound = { FIM_DB: counting.d1 };
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    expect((await call(models(yan.auth), bound)).status).toBe(200);
    await db.update(members).set({ disabledAt: new Date(t0).toISOString() }).where(eq(members.id, yan.id));
    vi.setSystemTime(t0 + TRUSTED_MS - 1000);
    expect((await call(models(yan.auth), bound)).status).toBe(200); // still trusted: the documented window
    vi.setSystemTime(t0 + TRUSTED_MS + 1);
    const refused = await call(models(yan.auth), bound);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("This token was disabled by the proxy's owner.");
  });

  it('a rotated token stops working within MEMBER_CACHE_S; the new one works at once', async () => {
    const xia = await addMember();
    const counting = countingD1(env.FIM_DB!);
    const bound = { FIM_DB: counting.d1 };
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    expect((await call(models(xia.auth), bound)).status).toBe(200);
    const { sha256Hex } = await import('../src/hash');
    await db.update(members).set({ tokenSha256: await sha256Hex('fim_rotated_token') }).where(eq(members.id, xia.id));
    expect((await call(models({ Authorization: 'Bearer fim_rotated_token' }), bound)).status).toBe(200);
    vi.setSystemTime(t0 + TRUSTED_MS + 1);
    expect((await call(models(xia.auth), bound)).status).toBe(401);
  });

  it('a first member closes an open proxy within MEMBER_CACHE_S', async () => {
    const counting = countingD1(env.FIM_DB!);
    const bound = { FIM_DB: counting.d1 };
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    expect((await call(models(), bound)).status).toBe(200); // nobody is a member: open
    const wu = await addMember();
    vi.setSystemTime(t0 + TRUSTED_MS + 1);
    expect((await call(models(), bound)).status).toBe(401);
    expect((await call(models(wu.auth), bound)).status).toBe(200);
  });
});
