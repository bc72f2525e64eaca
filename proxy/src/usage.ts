import { and, desc, eq, gte } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';

import { database, secondsToUtcMidnight, utcDay } from './db/client';
import { usage } from './db/schema';
import type { AppEnv } from './env';
import { jsonError } from './errors';
import { queueUsage, usageBatchMs } from './usagebatch';

// Usage per member per UTC day: requests, prompt and completion tokens (as the upstream counted
// them, or estimated when it did not say), errors, edge-cache hits and summed latency. Written after
// the answer (ctx.waitUntil) in one D1 batch with the isolate's other requests of the moment
// (usagebatch.ts), so it never delays an answer or a stream.

// estimated: the upstream gave no count (a stream that ended before its last event, which alone
// carries `usage`), so the tokens are the estimate below.
export type Tokens = { prompt: number; completion: number; estimated?: boolean };
export const NO_TOKENS: Tokens = { prompt: 0, completion: 0 };

// The playground's estimate of a token count where no tokenizer is at hand: 4 characters a token,
// rounded up (StatusIndicators::estimateTokens).
export function estimateTokens(chars: number): number {
  return Math.ceil(Math.max(0, chars) / 4);
}

// The tokens of a request the upstream did not count: the prompt (prefix and suffix, as the
// playground estimates what it sends) and the completion text relayed to the client.
export function estimatedTokens(prompt: string, suffix: string, completionText: string): Tokens {
  return { prompt: estimateTokens(prompt.length + suffix.length), completion: estimateTokens(completionText.length), estimated: true };
}

export function tokensOf(value: unknown): Tokens | null {
  const u = value as { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined;
  if (!u || typeof u !== 'object') return null;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : 0);
  return { prompt: n(u.prompt_tokens), completion: n(u.completion_tokens) };
}

type StreamEvent = { usage?: unknown; choices?: Array<{ delta?: { content?: unknown }; text?: unknown }> };

// Passes an SSE stream through chunk by chunk, unbuffered, and reads what it carries: the `usage`
// the upstream puts in its last events, and the text of the events relayed so far. `done` is called
// once: at the end, or when the client goes away (then with what was relayed until then).
export function meteredStream(
  body: ReadableStream<Uint8Array>,
  done: (seen: { tokens: Tokens | null; text: string }) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let tokens: Tokens | null = null;
  let text = '';
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done({ tokens, text });
    }
  };
  const scan = (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '' || data === '[DONE]') continue;
      try {
        const event = JSON.parse(data) as StreamEvent;
        const choice = event.choices?.[0];
        const piece = choice?.delta?.content ?? choice?.text;
        if (typeof piece === 'string') text += piece;
        if (event.usage !== undefined) tokens = tokensOf(event.usage) ?? tokens;
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
        // What the client is given is what counts: scanned as it is relayed.
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

// Around a completion of a member: after the answer (for a stream, after its end) their usage is
// queued for D1 (usagebatch.ts), off the answer's path. The handler says what the completion cost
// with c.set('tokens'). A stream is recorded twice: its prompt's estimate as soon as its headers go
// out (c.set('provisional')), so a stream whose end the runtime never reports — a client gone
// mid-stream can take the request's context with it — is still counted and billed; then, at its
// end, what it really cost, withdrawing the estimate. Both land in the same row, usually in the
// same batch.
export const meterUsage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const member = c.get('member');
  const db = database(c.env);
  if (!member || !db || !c.env.FIM_DB) return next();
  const d1 = c.env.FIM_DB;
  const started = new Date();
  await next();
  const status = c.res.status;
  const cacheHit = c.res.headers.get('X-Cache') === 'HIT';
  const tokens = c.get('tokens');
  const reservedOn = c.get('reservedOn');
  const provisional = cacheHit ? undefined : c.get('provisional');
  const day = reservedOn ?? utcDay(started);
  const now = member.dailyTokens !== null; // a token quota is held against what D1 knows: at once
  const report = (error: unknown) =>
    console.error(`[FIM] ${c.get('requestId')} usage not recorded: ${error instanceof Error ? error.message : error}`);
  let counted = reservedOn !== undefined;
  let latencyMs = 0;
  if (provisional) {
    latencyMs = Date.now() - started.getTime();
    const delta = { ...provisional, error: status >= 400, cacheHit, latencyMs };
    c.executionCtx.waitUntil(
      queueUsage(d1, db, usageBatchMs(c.env), member.id, day, delta, started, { requestCounted: counted, now }).catch(report),
    );
    counted = true;
  }
  c.executionCtx.waitUntil(
    (async () => {
      const cost = cacheHit ? NO_TOKENS : ((await tokens) ?? NO_TOKENS);
      const delta = provisional
        ? { ...cost, error: false, cacheHit: false, latencyMs: Date.now() - started.getTime() - latencyMs, withdrawn: provisional }
        : { ...cost, error: status >= 400, cacheHit, latencyMs: Date.now() - started.getTime() };
      await queueUsage(d1, db, usageBatchMs(c.env), member.id, day, delta, started, { requestCounted: counted, now });
    })().catch(report),
  );
};

const DAYS_SHOWN = 30;

function dayJson(row: typeof usage.$inferSelect | undefined, day: string) {
  return {
    day,
    requests: row?.requests ?? 0,
    prompt_tokens: row?.promptTokens ?? 0,
    completion_tokens: row?.completionTokens ?? 0,
    estimated_prompt_tokens: row?.estimatedPromptTokens ?? 0,
    estimated_completion_tokens: row?.estimatedCompletionTokens ?? 0,
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
