import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';

import { database, type Db, secondsToUtcMidnight, utcDay } from './db/client';
import { members, usage } from './db/schema';
import type { AppEnv } from './env';
import { jsonError } from './errors';

// Usage per member per UTC day: requests, prompt and completion tokens (as the upstream counted
// them), errors, edge-cache hits and summed latency. Written after the answer (ctx.waitUntil) in one
// D1 batch, so it never delays an answer or a stream.

export type Tokens = { prompt: number; completion: number };
export const NO_TOKENS: Tokens = { prompt: 0, completion: 0 };

export function tokensOf(value: unknown): Tokens | null {
  const u = value as { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined;
  if (!u || typeof u !== 'object') return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : 0);
  return { prompt: n(u.prompt_tokens), completion: n(u.completion_tokens) };
}

// Passes an SSE stream through chunk by chunk, unbuffered, and reads the `usage` the upstream puts
// in its last events. `done` is called once: at the end, or when the client goes away (then with
// what was seen so far).
export function meteredStream(body: ReadableStream<Uint8Array>, done: (tokens: Tokens) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let seen: Tokens = NO_TOKENS;
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done(seen);
    }
  };
  const scan = (text: string) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('data:') || !line.includes('"usage"')) continue;
      try {
        seen = tokensOf((JSON.parse(line.slice(5)) as { usage?: unknown }).usage) ?? seen;
      } catch {
        // not JSON: not ours to judge, the client gets it as it is
      }
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          scan(decoder.decode() + '\n');
          finish();
          controller.close();
          return;
        }
        scan(decoder.decode(value, { stream: true }));
        controller.enqueue(value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason);
    },
  });
}

export type UsageDelta = Tokens & { error: boolean; cacheHit: boolean; latencyMs: number };

// One request's usage, added to the member's row of the day in one statement (concurrent requests
// add up), batched with the member's last use.
export async function recordUsage(db: Db, memberId: number, day: string, delta: UsageDelta, at: Date) {
  const row = {
    requests: 1,
    promptTokens: delta.prompt,
    completionTokens: delta.completion,
    errors: delta.error ? 1 : 0,
    cacheHits: delta.cacheHit ? 1 : 0,
    latencyMs: Math.max(0, Math.round(delta.latencyMs)),
  };
  await db.batch([
    db
      .insert(usage)
      .values({ memberId, day, ...row })
      .onConflictDoUpdate({
        target: [usage.memberId, usage.day],
        set: {
          requests: sql`${usage.requests} + ${row.requests}`,
          promptTokens: sql`${usage.promptTokens} + ${row.promptTokens}`,
          completionTokens: sql`${usage.completionTokens} + ${row.completionTokens}`,
          errors: sql`${usage.errors} + ${row.errors}`,
          cacheHits: sql`${usage.cacheHits} + ${row.cacheHits}`,
          latencyMs: sql`${usage.latencyMs} + ${row.latencyMs}`,
        },
      }),
    db.update(members).set({ lastUsedAt: at.toISOString() }).where(eq(members.id, memberId)),
  ]);
}

// Around a completion of a member: after the answer (for a stream, after its end) their usage is
// written, off the answer's path. The handler says what the upstream counted with c.set('tokens').
export const meterUsage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const member = c.get('member');
  const db = database(c.env);
  if (!member || !db) return next();
  const started = new Date();
  await next();
  const status = c.res.status;
  const cacheHit = c.res.headers.get('X-Cache') === 'HIT';
  const tokens = c.get('tokens');
  c.executionCtx.waitUntil(
    (async () => {
      const counted = cacheHit ? NO_TOKENS : ((await tokens) ?? NO_TOKENS);
      const delta = { ...counted, error: status >= 400, cacheHit, latencyMs: Date.now() - started.getTime() };
      await recordUsage(db, member.id, utcDay(started), delta, started);
    })().catch((error) => console.error(`[FIM] ${c.get('requestId')} usage not recorded: ${error instanceof Error ? error.message : error}`)),
  );
};

const DAYS_SHOWN = 30;

function dayJson(row: typeof usage.$inferSelect | undefined, day: string) {
  return {
    day,
    requests: row?.requests ?? 0,
    prompt_tokens: row?.promptTokens ?? 0,
    completion_tokens: row?.completionTokens ?? 0,
    errors: row?.errors ?? 0,
    cache_hits: row?.cacheHits ?? 0,
    latency_ms: row?.latencyMs ?? 0,
  };
}

// GET /v1/usage: the caller's usage today and over the last 30 days (days with use, newest first),
// with their quotas.
export async function usageRoute(c: Context<AppEnv>) {
  const db = database(c.env);
  if (!db) {
    return jsonError(c, 404, 'not_found', 'This proxy keeps no usage: it has no FIM_DB database (proxy/README.md, "A proxy for a team").');
  }
  const member = c.get('member');
  if (!member) {
    return jsonError(c, 404, 'not_found',
      'Usage is kept per member token, and this request came with the shared PROXY_TOKEN or none. Ask the proxy\'s owner for a token of your own (npm run member -- add NAME).');
  }
  const now = new Date();
  const today = utcDay(now);
  const since = utcDay(new Date(now.getTime() - (DAYS_SHOWN - 1) * 86400_000));
  let rows: (typeof usage.$inferSelect)[];
  try {
    rows = await db
      .select()
      .from(usage)
      .where(and(eq(usage.memberId, member.id), gte(usage.day, since)))
      .orderBy(desc(usage.day));
  } catch {
    return jsonError(c, 503, 'api_error', 'The usage database cannot be read right now. Try again in a minute.', { 'Retry-After': '30' });
  }
  return c.json({
    object: 'usage',
    member: member.name,
    quota: { daily_requests: member.dailyRequests, daily_tokens: member.dailyTokens },
    today: dayJson(rows.find((r) => r.day === today), today),
    resets_in_s: secondsToUtcMidnight(now),
    days: rows.map((r) => dayJson(r, r.day)),
  });
}
