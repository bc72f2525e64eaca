import { and, eq, sql } from 'drizzle-orm';

import { members, usage } from './schema';

// A member's use of one UTC day, for a select from members left-joined with usage on that day
// (the proxy's token lookup, the member list): .leftJoin(usage, usageOn(day)), ...usedToday.
export const usageOn = (day: string) => and(eq(usage.memberId, members.id), eq(usage.day, day));

export const usedToday = {
  requestsToday: sql<number>`coalesce(${usage.requests}, 0)`,
  tokensToday: sql<number>`coalesce(${usage.promptTokens} + ${usage.completionTokens}, 0)`,
};
