import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from './env';
import { jsonError } from './errors';

// Rate limiting with the Workers rate-limiting binding (FIM_LIMITER), keyed by who the request
// verifiably is: the member ("member:<id>"), the shared PROXY_TOKEN ("proxy-token"), or, without
// either, the client's address. Never by the header's text, which has many spellings of one token.
// Completions have their bucket; the routes that only read (/v1/usage, /v1/models) have another,
// so a client asking what it used never spends a completion.
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env.FIM_LIMITER;
  if (!limiter) return next();
  const who = c.get('identity') ?? `ip:${c.req.header('cf-connecting-ip') ?? 'unknown'}`;
  const completion = c.req.method === 'POST' && c.req.path === '/v1/fim/completions';
  const { success } = await limiter.limit({ key: completion ? who : `${who}:reads` });
  if (!success) {
    return jsonError(c, 429, 'rate_limit_error', 'Rate limit exceeded. Try again in a minute.', { 'Retry-After': '60' });
  }
  return next();
};
