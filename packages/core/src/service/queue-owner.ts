import type { TokenProvider } from './client.js';

/**
 * Whose referral events an offline queue entry holds (hazard H-31): on a
 * device shared by staff, each person's queued events are shown only to them
 * and sent only with their token.
 *
 * The owner key is the SHA-256 (hex) of the `sub` claim of the JWT the host's
 * `getToken()` returns, so nothing that identifies the person is stored as a
 * key. The token is not verified here: the service verifies it when the
 * events are sent, and a send always uses the very token the key was read from.
 */
export interface QueueOwner {
  /** The SHA-256 (hex) of the token's subject, or {@link UNKNOWN_QUEUE_OWNER}. */
  readonly key: string;
  /**
   * The token `key` was read from. The queue sends this owner's events with
   * exactly this token (never one the host gives later, which may be someone
   * else's). Absent: the inner store asks for its own token.
   */
  readonly token?: string;
}

/**
 * The owner key of events queued while the signed-in person's token had no
 * readable subject (a token that is not a JWT, or has no `sub`), and of
 * entries kept before owners were recorded. They are shown and sent only
 * while the token in use has no readable subject either: on a host whose
 * tokens never carry one, the queue is the device's (anyone signed in there
 * sees and sends it), so such a device must be used by one person only.
 */
export const UNKNOWN_QUEUE_OWNER = 'unknown-owner';

interface Platform {
  atob?: (data: string) => string;
  TextEncoder?: new () => { encode(input: string): Uint8Array };
  TextDecoder?: new (label?: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };
  crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
}

const platform = globalThis as unknown as Platform;

/**
 * The `sub` claim of a JWT, read without verifying the token; `undefined`
 * when the token is not a JWT or its payload has no non-empty string `sub`.
 */
export function tokenSubject(token: string | null | undefined): string | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === '' || !platform.atob || !platform.TextDecoder) return undefined;
  try {
    const base64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const binary = platform.atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new platform.TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
    const sub = (payload as Record<string, unknown>)['sub'];
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/** The SHA-256 of `text` (UTF-8), in lower-case hex; `undefined` where the platform has no `crypto.subtle`. */
export async function sha256Hex(text: string): Promise<string | undefined> {
  const subtle = platform.crypto?.subtle;
  if (!subtle || !platform.TextEncoder) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new platform.TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The queue owner key of a token: the SHA-256 (hex) of its `sub`, or
 * {@link UNKNOWN_QUEUE_OWNER} when it has no readable subject (or the page
 * has no `crypto.subtle`: browsers give it only to secure contexts, `https:`
 * and `localhost`).
 */
export async function queueOwnerKey(token: string): Promise<string> {
  const sub = tokenSubject(token);
  return (sub === undefined ? undefined : await sha256Hex(sub)) ?? UNKNOWN_QUEUE_OWNER;
}

/**
 * The `owner` option of `createQueuedReferralStore` for a host's token
 * callback: before each call it asks `getToken()` and answers the owner key of
 * that token with the token itself. With no token (no one signed in, or the
 * sign-in could not be renewed without a connection) it answers `undefined`:
 * the queue then keeps nothing new and sends nothing, since it cannot tell
 * whose the events would be.
 */
export function tokenQueueOwner(getToken: TokenProvider): () => Promise<QueueOwner | undefined> {
  let last: { token: string; key: string } | undefined;
  return async () => {
    let token: string | null | undefined;
    try {
      token = await getToken();
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') return undefined;
    if (last?.token !== token) last = { token, key: await queueOwnerKey(token) };
    return { key: last.key, token };
  };
}
