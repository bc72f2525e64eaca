import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';

import { edgeCacheState, withEdgeCache } from './cache';
import { type AppEnv, numberVar, servedModels } from './env';
import { errorBody, jsonError } from './errors';
import { dailyQuota, memberAuth } from './members';
import { rateLimit } from './ratelimit';
import { forwardFim } from './upstream';
import { meterUsage, usageRoute } from './usage';
import { readLimited, validateFimBody } from './validate';

// The seed proxy's API (GET /health, GET /v1/models, POST /v1/fim/completions, the same answer
// and error shapes and defaults), hardened: validation, a body cap, optional bearer token, rate
// limiting, CORS origins from a var, streaming, request ids, no internal error text, an edge
// cache of repeatable completions (cache.ts), and for a team: member tokens with daily quotas
// (members.ts) and their usage (usage.ts, GET /v1/usage) in D1 through Drizzle.
const app = new Hono<AppEnv>();

// Stable across calls, unlike the seed's "now": clients may cache the list.
const MODELS_CREATED = 1717200000;

app.use('*', async (c, next) => {
  const id = c.req.header('cf-ray') ?? crypto.randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
  if (!c.res.headers.has('X-Request-Id')) {
    try {
      c.res.headers.set('X-Request-Id', id);
    } catch {
      // immutable headers (a passed-through response): the id stays in the logs only
    }
  }
});

app.use('*', async (c, next) => {
  const origins = (c.env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return cors({
    origin: origins.length > 0 ? origins : '*',
    allowHeaders: ['Authorization', 'Content-Type', 'Cache-Control'],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'X-Cache', 'X-Cache-Reason'],
    maxAge: 86400,
  })(c, next);
});

// The seed's shape, plus whether the Codestral key is configured (never the key), so a client can
// tell the user what to do before the first completion fails, and whether the edge cache works on
// this host ("active", "inactive on this host", "off": cache.ts).
app.get('/health', async (c) =>
  c.json({
    status: 'ok',
    timestamp: new Date().toISOString(),
    service: 'cloudflare-backend',
    upstream_key: Boolean(c.env.CODESTRAL_API_KEY),
    edge_cache: await edgeCacheState(c),
  }),
);

// Not an open relay: with a PROXY_TOKEN secret or members in FIM_DB, /v1/* needs a bearer token
// (members.ts).
app.use('/v1/*', memberAuth);

// Rate limiting (ratelimit.ts), keyed by the identity memberAuth verified.
app.use('/v1/*', rateLimit);

app.get('/v1/models', (c) =>
  c.json({
    object: 'list',
    data: servedModels(c.env).map((id) => ({ id, object: 'model', created: MODELS_CREATED, owned_by: 'mistral' })),
  }),
);

app.get('/v1/usage', usageRoute);

app.post('/v1/fim/completions', dailyQuota, meterUsage, async (c) => {
  if (!c.env.CODESTRAL_API_KEY) {
    return jsonError(c, 500, 'configuration_error', 'CODESTRAL_API_KEY not configured');
  }
  const maxBody = numberVar(c.env.MAX_BODY_BYTES, 1024 * 1024);
  const text = await readLimited(c.req.raw, maxBody);
  if (text === null) {
    return jsonError(c, 413, 'invalid_request_error', `The request body is larger than ${maxBody} bytes.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return jsonError(c, 400, 'invalid_request_error', 'Invalid JSON in request body');
  }
  const checked = validateFimBody(raw, servedModels(c.env), numberVar(c.env.MAX_TOKENS_LIMIT, 4096));
  if (!checked.ok) return jsonError(c, 400, 'invalid_request_error', checked.message);
  if (checked.ignored.length > 0) c.header('X-Fim-Ignored-Fields', checked.ignored.join(','));
  const { body } = checked;
  console.log(
    `[FIM] ${c.get('requestId')} prompt ${body.prompt.length} chars, suffix ${body.suffix.length} chars, stream ${body.stream}`,
  );
  return withEdgeCache(c, body, body.model ?? c.env.FIM_MODEL, () => forwardFim(c, body));
});

app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(`[FIM] ${c.get('requestId')} internal error: ${err.name}`);
  return c.json(errorBody('server_error', 'Internal server error'), 500);
});

app.notFound((c) => jsonError(c, 404, 'not_found', `Route not found: ${c.req.method} ${c.req.path}`));

export default app;
