import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// The seed proxy's error shape: {"error": {"message": "...", "type": "..."}}.
export type ErrorType =
  | 'invalid_request_error'
  | 'configuration_error'
  | 'api_error'
  | 'server_error'
  | 'not_found'
  | 'authentication_error'
  | 'rate_limit_error'
  | 'timeout_error'
  | 'upstream_auth_error';

export function errorBody(type: ErrorType, message: string) {
  return { error: { message, type } };
}

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  type: ErrorType,
  message: string,
  headers: Record<string, string> = {},
) {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(errorBody(type, message), status);
}
