import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Authenticator } from './auth.js';
import { HttpProblem, problem } from './problem.js';

export type { Authenticator };

/** A counter of failed sign-ins per address (`@fastify/rate-limit`'s `createRateLimit`). */
export type FailedSignInCounter = (
  request: FastifyRequest,
  options?: { increment?: boolean },
) => Promise<
  | { isAllowed: true; key: string }
  | { isAllowed: false; key: string; max: number; remaining: number; ttlInSeconds: number; isExceeded: boolean }
>;

/** What the authentication hook needs. */
export interface AuthOptions {
  readonly authenticator: Authenticator;
  /**
   * Counts refused tokens (401) per address: once an address has had its
   * allowance of them in the window, a refused token is answered 429 with
   * `Retry-After` instead of 401 (a valid token still signs its user in, so
   * one address guessing tokens cannot lock out the colleagues behind the
   * same proxy). Signed-in users are limited per user by the rate-limit hook.
   */
  failedSignIns?: FailedSignInCounter;
}

/**
 * The authentication hook: who is asking is decided here, once per request,
 * from the verified bearer token; routes and the repository read
 * `request.actor` and nothing else.
 */
export function authHook(options: AuthOptions): onRequestHookHandler {
  return async (request) => {
    if (request.is404 || request.routeOptions.config?.public === true || request.method === 'OPTIONS') return;
    try {
      request.actor = await options.authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      const counter = options.failedSignIns;
      if (counter && error instanceof HttpProblem && error.status === 401) {
        const count = await counter(request);
        if (!count.isAllowed && count.isExceeded) throw tooManyFailures(count.ttlInSeconds);
      }
      throw error;
    }
  };
}

function tooManyFailures(seconds: number): HttpProblem {
  const wait = Math.max(1, seconds);
  return problem(
    429,
    'rate-limited',
    `Too many refused sign-ins from this address: try again in ${wait} s.`,
    'headers.authorization',
    {
      headers: { 'retry-after': String(wait) },
    },
  );
}
