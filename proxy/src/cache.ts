import type { Context } from 'hono';

import type { AppEnv } from './env';
import { sha256Hex } from './hash';
import type { FimBody } from './validate';

// The edge cache of repeatable completions (Workers Cache API, caches.default). A request is
// repeatable when the same body must give the same answer: not streamed, temperature 0 and a
// random_seed. Its answer is kept for CACHE_TTL_S seconds (default 3600; 0 turns the cache off),
// keyed by a SHA-256 of the scope, the normalised body and the model. The scope is the member
// (CACHE_SCOPE unset or "member"): nobody learns from a HIT what another member asked; with
// CACHE_SCOPE=team every caller shares one. Only 200 answers are kept, with only the headers of the
// answer itself. The answer says X-Cache: HIT or MISS, or BYPASS (with X-Cache-Reason) when the
// client sent Cache-Control: no-cache or the Cache API has no effect on this host.
//
// Whether it has an effect depends on where the Worker runs (on *.workers.dev Cloudflare documents
// that it may not): each isolate checks once, on first use, whether a put followed by a match
// round-trips, and says so in /health ("edge_cache").

export type EdgeCacheState = 'active' | 'inactive on this host' | 'off';
export const INACTIVE_REASON = 'cache-api-inactive-on-this-host';

export function isRepeatable(body: FimBody): boolean {
  return !body.stream && body.temperature === 0 && body.random_seed !== undefined;
}

export function cacheTtl(value: string | undefined): number {
  const n = Number(value ?? '3600');
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

// One key for every spelling of the same request in one scope: fields in a fixed order, defaults
// applied, a single stop string as a list.
export async function cacheKey(body: FimBody, model: string, scope = 'team'): Promise<Request> {
  const normalised = JSON.stringify([
    scope,
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

// Whose entries a request may see: its member's, or the team's (CACHE_SCOPE=team, and callers that
// are no member: PROXY_TOKEN or an open proxy).
export function cacheScope(c: Context<AppEnv>): string {
  const member = c.get('member');
  return member && (c.env.CACHE_SCOPE ?? 'member').trim().toLowerCase() !== 'team' ? `member:${member.id}` : 'team';
}

// Once per isolate (per CacheStorage, so a test's stub gets its own check): does a put followed by a
// match of a small entry round-trip? The entry is removed afterwards.
const checked = new WeakMap<CacheStorage, Promise<boolean>>();

async function roundTrips(cache: Cache, ctx: ExecutionContext | undefined): Promise<boolean> {
  const probe = new Request(`https://fim-cache.invalid/probe/${crypto.randomUUID()}`);
  try {
    await cache.put(probe, new Response('probe', { headers: { 'Cache-Control': 'max-age=60' } }));
    const back = await cache.match(probe);
    if (!back) return false;
    await back.arrayBuffer();
    const removed = cache.delete(probe).catch(() => false);
    if (ctx) ctx.waitUntil(removed);
    return true;
  } catch (error) {
    console.error(`[FIM] edge cache check failed: ${error instanceof Error ? error.message : error}`);
    return false;
  }
}

function executionCtx(c: Context<AppEnv>): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // app.request() in a test has none
  }
}

export async function edgeCacheState(c: Context<AppEnv>): Promise<EdgeCacheState> {
  if (cacheTtl(c.env.CACHE_TTL_S) === 0) return 'off';
  let works = checked.get(caches);
  if (!works) {
    works = roundTrips(caches.default, executionCtx(c));
    checked.set(caches, works);
    console.log(`[FIM] edge cache on this host: ${(await works) ? 'active' : 'inactive'}`);
  }
  return (await works) ? 'active' : 'inactive on this host';
}

function bypassed(c: Context<AppEnv>): boolean {
  const control = c.req.header('cache-control') ?? '';
  return /(^|,)\s*no-(cache|store)\s*(,|$)/i.test(control);
}

function marked(response: Response, state: 'HIT' | 'MISS' | 'BYPASS', reason?: string): Response {
  const out = new Response(response.body, response);
  out.headers.set('X-Cache', state);
  if (reason) out.headers.set('X-Cache-Reason', reason);
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
  if (bypassed(c)) return marked(await forward(), 'BYPASS', 'client-no-cache');
  if ((await edgeCacheState(c)) !== 'active') return marked(await forward(), 'BYPASS', INACTIVE_REASON);
  const key = await cacheKey(body, model, cacheScope(c));
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
  // The copy kept has the headers of the answer itself, not the request's (its id, CORS,
  // X-Fim-Ignored-Fields): a HIT gets those anew for the request it answers.
  const kept = new Response(bytes, {
    status: 200,
    headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/json', 'Cache-Control': `public, max-age=${ttl}` },
  });
  c.executionCtx.waitUntil(cache.put(key, kept));
  return out;
}
