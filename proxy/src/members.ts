import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { timingSafeEqual } from 'hono/utils/buffer';

import { database, type Db, isUnmigrated, secondsToUtcMidnight, utcDay } from './db/client';
import { members, usage } from './db/schema';
import { usageOn, usedToday } from './db/today';
import type { AppEnv } from './env';
import { errorBody, jsonError } from './errors';
import { sha256Hex } from './hash';

// Who may use /v1/*, and how much.
//
// - No PROXY_TOKEN and no member: open, as the seed.
// - PROXY_TOKEN: the shared token, checked first and without the database, so a failing D1 never
//   takes it down.
// - Members (FIM_DB): each has a token of their own, kept as its SHA-256. Once one member exists,
//   /v1/* needs a member's token or PROXY_TOKEN. A database that cannot be read answers 503 to
//   everything but PROXY_TOKEN: an unknown token never goes through.

export type MemberOnRequest = {
  id: number;
  name: string;
  dailyRequests: number | null;
  dailyTokens: number | null;
  requestsToday: number;
  tokensToday: number;
};

function jsonException(status: 401 | 503, body: unknown, headers: Record<string, string> = {}) {
  return new HTTPException(status, {
    res: new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }),
  });
}

function unavailable(error: unknown): HTTPException {
  console.error(`[FIM] member database error: ${error instanceof Error ? error.message : String(error)}`);
  return jsonException(
    503,
    errorBody('api_error', 'The member database cannot be read right now, so member tokens cannot be checked. Try again in a minute.'),
    { 'Retry-After': '30' },
  );
}

async function membersExist(db: Db): Promise<boolean> {
  try {
    return (await db.select({ id: members.id }).from(members).limit(1)).length > 0;
  } catch (error) {
    if (isUnmigrated(error)) return false;
    throw unavailable(error);
  }
}

// The member holding a token, with what they used today: one query.
async function memberOf(db: Db, token: string, day: string) {
  try {
    const rows = await db
      .select({
        id: members.id,
        name: members.name,
        dailyRequests: members.dailyRequests,
        dailyTokens: members.dailyTokens,
        disabledAt: members.disabledAt,
        ...usedToday,
      })
      .from(members)
      .leftJoin(usage, usageOn(day))
      .where(eq(members.tokenSha256, await sha256Hex(token)))
      .limit(1);
    return rows[0] ?? null;
  } catch (error) {
    if (isUnmigrated(error)) return null;
    throw unavailable(error);
  }
}

export const memberAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const shared = c.env.PROXY_TOKEN;
  const db = database(c.env);
  if (!shared) {
    if (!db) return next();
    if (!c.req.header('authorization') && !(await membersExist(db))) return next();
  }
  const unauthorized = errorBody('authentication_error', 'A valid "Authorization: Bearer <token>" header is required.');
  return bearerAuth<AppEnv>({
    verifyToken: async (token, c) => {
      if (shared && (await timingSafeEqual(token, shared))) return true;
      if (!db) return false;
      const found = await memberOf(db, token, utcDay(new Date()));
      if (!found) return !shared && !(await membersExist(db));
      if (found.disabledAt) {
        throw jsonException(401, errorBody('authentication_error', 'This token was disabled by the proxy\'s owner.'));
      }
      const { disabledAt: _, ...member } = found;
      c.set('member', member);
      return true;
    },
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: errorBody('invalid_request_error', 'The Authorization header is malformed.') },
    invalidToken: { message: unauthorized },
  })(c, next);
};

// A member over a daily quota gets 429 until the next UTC midnight. The check reads what the
// request's own lookup found, so it costs no query; requests in flight at the same moment may pass
// the last unit of a quota together (the usage itself is counted exactly).
export const dailyQuota: MiddlewareHandler<AppEnv> = async (c, next) => {
  const member = c.get('member');
  if (!member) return next();
  const now = new Date();
  let over: string | null = null;
  if (member.dailyRequests !== null && member.requestsToday >= member.dailyRequests) {
    over = `daily request quota (${member.requestsToday} of ${member.dailyRequests} requests)`;
  } else if (member.dailyTokens !== null && member.tokensToday >= member.dailyTokens) {
    over = `daily token quota (${member.tokensToday} of ${member.dailyTokens} tokens)`;
  }
  if (!over) return next();
  const wait = secondsToUtcMidnight(now);
  const message = `${member.name} has used the ${over} for ${utcDay(now)}. It starts again at midnight UTC, in ${Math.ceil(wait / 60)} min.`;
  return jsonError(c, 429, 'rate_limit_error', message, { 'Retry-After': String(wait) });
};
