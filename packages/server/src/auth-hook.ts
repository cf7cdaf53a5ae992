import type { onRequestHookHandler } from 'fastify';
import type { Authenticator } from './auth.js';

export type { Authenticator };

/** What the authentication hook needs. */
export interface AuthOptions {
  readonly authenticator: Authenticator;
}

/**
 * The authentication hook: who is asking is decided here, once per request,
 * from the verified bearer token; routes and the repository read
 * `request.actor` and nothing else.
 */
export function authHook(options: AuthOptions): onRequestHookHandler {
  return async (request) => {
    if (request.is404 || request.routeOptions.config?.public === true || request.method === 'OPTIONS') return;
    request.actor = await options.authenticator.authenticate(request.headers.authorization);
  };
}
