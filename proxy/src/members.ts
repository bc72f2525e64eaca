import { and, eq, lt, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { timingSafeEqual } from 'hono/utils/buffer';

import { database, type Db, isUnmigrated, secondsToUtcMidnight, utcDay } from './db/client';
import { members, usage } from './db/schema';
import { allTokens } from './db/today';
import type { AppEnv, Bindings } from './env';
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
//
// Membership costs nothing on the hot path: what a token's member is, and whether any member
// exists, is read from D1 once and trusted by the isolate for MEMBER_CACHE_S seconds (30): a
// disable, a rotation, a quota change or a first member added take effect within that time. Only
// the request quota is exact, so it is reserved in D1 before forwarding, in one statement
// (dailyQuota).

export type MemberOnRequest = {
  id: number;
  name: string;
  dailyRequests: number | null;
  dailyTokens: number | null;
};

type MemberRow = MemberOnRequest & { disabledAt: string | null };
type Remembered<T> = { value: T; readAt: number };

// What one isolate read of one team database. Keyed by the binding object (one per isolate), so a
// test's other database (failing, unmigrated) has a memory of its own.
class MembersSeen {
  anyMember?: Remembered<boolean>;
  byToken = new Map<string, Remembered<MemberRow>>();
}
const seen = new WeakMap<D1Database, MembersSeen>();
// Unknown tokens are not remembered; members' are, up to this many (the oldest go first).
const TOKENS_REMEMBERED = 1024;

export function memberCacheMs(env: Bindings): number {
  const n = Number(env.MEMBER_CACHE_S ?? '30');
  return Number.isFinite(n) && n >= 0 ? n * 1000 : 30_000;
}

function seenIn(d1: D1Database): MembersSeen {
  let s = seen.get(d1);
  if (!s) seen.set(d1, (s = new MembersSeen()));
  return s;
}

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

async function membersExist(db: Db, memory: MembersSeen, ttlMs: number): Promise<boolean> {
  const now = Date.now();
  if (memory.anyMember && now - memory.anyMember.readAt < ttlMs) return memory.anyMember.value;
  let value: boolean;
  try {
    value = (await db.select({ id: members.id }).from(members).limit(1)).length > 0;
  } catch (error) {
    if (!isUnmigrated(error)) throw unavailable(error);
    value = false;
  }
  memory.anyMember = { value, readAt: now };
  return value;
}

// The member holding a token: one query, then remembered.
async function memberOf(db: Db, memory: MembersSeen, ttlMs: number, token: string): Promise<MemberRow | null> {
  const hash = await sha256Hex(token);
  const now = Date.now();
  const known = memory.byToken.get(hash);
  if (known && now - known.readAt < ttlMs) return known.value;
  let row: MemberRow | undefined;
  try {
    [row] = await db
      .select({
        id: members.id,
        name: members.name,
        dailyRequests: members.dailyRequests,
        dailyTokens: members.dailyTokens,
        disabledAt: members.disabledAt,
      })
      .from(members)
      .where(eq(members.tokenSha256, hash))
      .limit(1);
  } catch (error) {
    if (isUnmigrated(error)) return null;
    throw unavailable(error);
  }
  memory.byToken.delete(hash);
  if (!row) return null;
  if (ttlMs > 0) {
    if (memory.byToken.size >= TOKENS_REMEMBERED) memory.byToken.delete(memory.byToken.keys().next().value!);
    memory.byToken.set(hash, { value: row, readAt: now });
  }
  return row;
}

export const memberAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const shared = c.env.PROXY_TOKEN;
  const db = database(c.env);
  const memory = c.env.FIM_DB ? seenIn(c.env.FIM_DB) : null;
  const ttlMs = memberCacheMs(c.env);
  if (!shared) {
    // Open while nobody is a member; any token sent is then not checked, and the client is known
    // by its address only.
    if (!db || !(await membersExist(db, memory!, ttlMs))) return next();
  }
  const unauthorized = errorBody('authentication_error', 'A valid "Authorization: Bearer <token>" header is required.');
  return bearerAuth<AppEnv>({
    verifyToken: async (token, c) => {
      if (shared && (await timingSafeEqual(token, shared))) {
        c.set('identity', 'proxy-token');
        return true;
      }
      if (!db) return false;
      const found = await memberOf(db, memory!, ttlMs, token);
      if (!found) return false;
      if (found.disabledAt) {
        throw jsonException(401, errorBody('authentication_error', 'This token was disabled by the proxy\'s owner.'));
      }
      const { disabledAt: _, ...member } = found;
      c.set('member', member);
      c.set('identity', `member:${member.id}`);
      return true;
    },
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: errorBody('invalid_request_error', 'The Authorization header is malformed.') },
    invalidToken: { message: unauthorized },
  })(c, next);
};

// Reserves one request of the member's day before it is forwarded: one atomic statement that adds
// the request to the day's row only while both quotas have room, and returns the row; no row means
// a quota is used up. Concurrent requests are serialised by the database, so the request quota is
// exact; the tokens are added after the answer, so the token quota may be passed by the requests
// already in flight when it was reached.
async function reserveRequest(db: Db, member: MemberOnRequest, day: string): Promise<boolean> {
  const room = and(
    member.dailyRequests === null ? undefined : lt(usage.requests, member.dailyRequests),
    member.dailyTokens === null ? undefined : lt(allTokens, member.dailyTokens),
  );
  const rows = await db
    .insert(usage)
    .values({ memberId: member.id, day, requests: 1 })
    .onConflictDoUpdate({ target: [usage.memberId, usage.day], set: { requests: sql`${usage.requests} + 1` }, setWhere: room })
    .returning({ requests: usage.requests });
  return rows.length > 0;
}

// A member with a daily quota: the request is reserved (above), or refused with 429 until the next
// UTC midnight, saying which quota. A member without quotas costs no query here.
export const dailyQuota: MiddlewareHandler<AppEnv> = async (c, next) => {
  const member = c.get('member');
  const db = database(c.env);
  if (!member || !db || (member.dailyRequests === null && member.dailyTokens === null)) return next();
  const now = new Date();
  const day = utcDay(now);
  let used = { requests: 0, tokens: 0 };
  try {
    // A quota of 0 has no room even for the day's first request, which the statement would insert.
    if (member.dailyRequests !== 0 && member.dailyTokens !== 0 && (await reserveRequest(db, member, day))) {
      c.set('reservedOn', day);
      return next();
    }
    // Refused (rare, off the hot path): read the day to say which quota.
    const [row] = await db
      .select({ requests: usage.requests, tokens: allTokens })
      .from(usage)
      .where(and(eq(usage.memberId, member.id), eq(usage.day, day)));
    if (row) used = row;
  } catch (error) {
    throw unavailable(error);
  }
  const over =
    member.dailyRequests !== null && used.requests >= member.dailyRequests
      ? `daily request quota (${used.requests} of ${member.dailyRequests} requests)`
      : `daily token quota (${used.tokens} of ${member.dailyTokens} tokens)`;
  const wait = secondsToUtcMidnight(now);
  const message = `${member.name} has used the ${over} for ${day}. It starts again at midnight UTC, in ${Math.ceil(wait / 60)} min.`;
  return jsonError(c, 429, 'rate_limit_error', message, { 'Retry-After': String(wait) });
};
