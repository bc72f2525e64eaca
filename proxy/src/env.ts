import type { MemberOnRequest } from './members';
import type { Tokens } from './usage';

// Bindings of the Worker: vars from wrangler.toml, secrets from `wrangler secret put` (or
// .dev.vars locally), the rate-limiting binding and the team database.
export type Bindings = {
  // Secrets
  CODESTRAL_API_KEY?: string;
  PROXY_TOKEN?: string;       // when set, /v1/* needs "Authorization: Bearer <PROXY_TOKEN>"
  AI_GATEWAY_TOKEN?: string;  // for an authenticated Cloudflare AI Gateway (cf-aig-authorization)

  // Vars (the first two as in the seed)
  CODESTRAL_FIM_URL: string;
  FIM_MODEL: string;
  MODELS?: string;              // comma-separated models served; default: FIM_MODEL
  CORS_ORIGINS?: string;        // comma-separated origins; unset: "*"
  UPSTREAM_TIMEOUT_MS?: string; // until the upstream's headers arrive; default 30000
  MAX_BODY_BYTES?: string;      // default 1048576
  MAX_TOKENS_LIMIT?: string;    // largest max_tokens accepted; default 4096
  CACHE_TTL_S?: string;         // how long repeatable answers stay in the edge cache; default 3600, 0: off
  CACHE_SCOPE?: string;         // "member" (default): each member's own cache entries; "team": shared
  MEMBER_CACHE_S?: string;      // how long an isolate trusts what it read of members; default 30
  USAGE_BATCH_MS?: string;      // how long an isolate gathers members' usage before writing it; default 1000

  FIM_LIMITER?: RateLimit;
  FIM_DB?: D1Database;          // members, quotas and usage (src/db/schema.ts)
};

export type AppEnv = {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    member?: MemberOnRequest;                    // set when a member's token was given
    // Who the request is, once verified: "member:<id>", "proxy-token", or unset (by client address).
    identity?: string;
    reservedOn?: string;                         // the UTC day whose request quota this request holds
    tokens?: Tokens | null | Promise<Tokens>;    // what this completion cost, counted or estimated
    // A stream's estimate before its first byte (its prompt's tokens), recorded at once so a stream
    // whose end never comes is still billed; its end's count replaces it.
    provisional?: Tokens;
  };
};

export function numberVar(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function servedModels(env: Bindings): string[] {
  const list = (env.MODELS ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  return list.length > 0 ? list : [env.FIM_MODEL || 'codestral-latest'];
}
