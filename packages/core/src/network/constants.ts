import type { NetworkRegister } from './types.js';

/*
 * The register's plain values, apart from its schemas (zod) and operations
 * (immer), so a page that only shows a register does not load those.
 */

/**
 * Whether an organisation's services are on ALISS: already `listed`,
 * `not-listed`, or `helped-to-list` (the CLP helped them get listed: the
 * community responsibility in action).
 */
export const ALISS_LISTINGS = ['listed', 'not-listed', 'helped-to-list'] as const;

/** A new, empty register. */
export function createNetworkRegister(practiceId?: string): NetworkRegister {
  return { kind: 'links.network-register', version: 1, ...(practiceId ? { practiceId } : {}), relationships: [] };
}
