import type { Context } from 'hono';

import type { AppEnv } from './env';
import { sha256Hex } from './hash';
import type { FimBody } from './validate';

// The edge cache of repeatable completions (Workers Cache API, caches.default). A request is
// repeatable when the same body must give the same answer: not streamed, temperature 0 and a
// random_seed. Its answer is kept for CACHE_TTL_S seconds (default 3600; 0 turns the cache off),
// keyed by a SHA-256 of the normalised body and the model. Only 200 answers are kept. The answer
// says X-Cache: HIT or MISS, or BYPASS when the client sent Cache-Control: no-cache.

export function isRepeatable(body: FimBody): boolean {
  return !body.stream && body.temperature === 0 && body.random_seed !== undefined;
}

export function cacheTtl(value: string | undefined): number {
  const n = Number(value ?? '3600');
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

// One key for every spelling of the same request: fields in a fixed order, defaults applied, a
// single stop string as a list.
export async function cacheKey(body: FimBody, model: string): Promise<Request> {
  const normalised = JSON.stringify([
    model,
    body.prompt,
    body.suffix,
    body.max_tokens,
    body.min_tokens ?? null,
    body.temperature,
    body.top_p ?? null,
    body.stop === undefined ? null : Array.isArray(body.stop) ? body.stop : [body.stop],
    body.random_seed ?? null,
  ]);
  const hex = await sha256Hex(normalised);
  // The cache takes GET requests to an http(s) URL; the host is ours alone.
  return new Request(`https://fim-cache.invalid/v1/fim/${hex}`);
}

function bypassed(c: Context<AppEnv>): boolean {
  const control = c.req.header('cache-control') ?? '';
  return /(^|,)\s*no-(cache|store)\s*(,|$)/i.test(control);
}

function marked(response: Response, state: 'HIT' | 'MISS' | 'BYPASS'): Response {
  const out = new Response(response.body, response);
  out.headers.set('X-Cache', state);
  return out;
}

// Answers a repeatable request from the cache, or forwards it and keeps a 200 answer (after the
// answer is sent: ctx.waitUntil).
export async function withEdgeCache(
  c: Context<AppEnv>,
  body: FimBody,
  model: string,
  forward: () => Promise<Response>,
): Promise<Response> {
  const ttl = cacheTtl(c.env.CACHE_TTL_S);
  if (ttl === 0 || !isRepeatable(body)) return forward();
  if (bypassed(c)) return marked(await forward(), 'BYPASS');
  const key = await cacheKey(body, model);
  const cache = caches.default;
  const hit = await cache.match(key);
  if (hit) {
    console.log(`[FIM] ${c.get('requestId')} edge cache hit`);
    const out = marked(hit, 'HIT');
    out.headers.delete('Cache-Control');
    out.headers.set('Age', hit.headers.get('Age') ?? '0');
    return out;
  }
  const response = await forward();
  if (response.status !== 200) return marked(response, 'MISS'); // errors are never kept
  // A whole JSON answer, small: read once and sent twice, rather than a tee whose branch the
  // client may never read (the cache write would wait on it).
  const bytes = await response.arrayBuffer();
  const out = marked(new Response(bytes, response), 'MISS');
  const kept = new Response(bytes, response);
  kept.headers.set('Cache-Control', `public, max-age=${ttl}`);
  kept.headers.delete('X-Request-Id');
  c.executionCtx.waitUntil(cache.put(key, kept));
  return out;
}
