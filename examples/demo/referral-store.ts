// How the demo host keeps referrals: one revisioned document per referral
// holding its events (the audit trail), in a DocumentStore the provider gives
// it (IndexedDB). Core has no referral store; any DocumentStore works with a
// codec, so the host writes one here. Every action the referral elements fire
// is appended as a new revision: nothing is rewritten, and a save from an
// older revision (another tab) is refused as a conflict.
import {
  referralEventsDocument,
  validateReferralEventsDocument,
  type ReferralEvent,
} from '@links-approach/core/referral';
import {
  payloadCodec,
  type DocumentStore,
  type SaveError,
  type StoreCodec,
  type StoredDocument,
} from '@links-approach/core/store';
import type { Result } from '@links-approach/core';

/** One referral's events, as stored. */
export interface ReferralRecord extends StoredDocument {
  /** Every event of the referral, oldest first. */
  readonly events: readonly ReferralEvent[];
}

/** Checks a referral record: core checks its revision stamp; its events must be valid referral events, all of this referral. */
export const referralRecordCodec: StoreCodec<ReferralRecord> = payloadCodec(
  'links-demo.referral',
  'events',
  (events, { id }) => {
    if (!Array.isArray(events))
      return { ok: false, errors: [{ path: '', message: 'must be a list of referral events' }] };
    const checked = validateReferralEventsDocument(referralEventsDocument(events));
    // The document's paths start at its `events`; the codec puts them back under the record's `events`.
    if (!checked.ok)
      return { ok: false, errors: checked.errors.map((e) => ({ ...e, path: e.path.replace(/^events/, '') })) };
    const stray = checked.value.events.findIndex((e) => e.referralId !== id);
    if (stray !== -1) return { ok: false, errors: [{ path: `[${stray}].referralId`, message: `must be ${id}` }] };
    return { ok: true, value: checked.value.events };
  },
);

/** Groups events by referral, keeping their order. */
export function byReferral(events: readonly ReferralEvent[]): Map<string, ReferralEvent[]> {
  const groups = new Map<string, ReferralEvent[]>();
  for (const event of events) {
    const group = groups.get(event.referralId);
    if (group) group.push(event);
    else groups.set(event.referralId, [event]);
  }
  return groups;
}

/** Stores each referral's events as its first revision (the demo's seed). */
export async function seedReferrals(
  store: DocumentStore<ReferralRecord>,
  events: readonly ReferralEvent[],
): Promise<void> {
  const saves = [...byReferral(events)].map(([id, group]) =>
    store.save(
      { id, revision: 0, savedAt: '', savedBy: '', events: group },
      { expectedRevision: 0, author: 'Demo data' },
    ),
  );
  const failed = (await Promise.all(saves)).find((r) => !r.ok);
  if (failed && !failed.ok) throw new Error(`The demo referrals could not be stored: ${failed.errors[0]?.message}`);
}

/** Every stored event, referral by referral in the order referrals were made. */
export async function loadEvents(store: DocumentStore<ReferralRecord>): Promise<ReferralEvent[]> {
  const records = [...(await store.list())].sort(
    (a, b) => (a.events[0]?.at ?? '').localeCompare(b.events[0]?.at ?? '') || a.id.localeCompare(b.id),
  );
  return records.flatMap((r) => r.events);
}

/**
 * Appends one event to its referral's record as a new revision (or starts
 * the record for a `created` event). `author` is the staff reference acting.
 */
export async function appendEvent(
  store: DocumentStore<ReferralRecord>,
  event: ReferralEvent,
  author: string,
): Promise<Result<ReferralRecord, SaveError>> {
  const current = await store.get(event.referralId);
  const record: ReferralRecord = current
    ? { ...current, events: [...current.events, event] }
    : { id: event.referralId, revision: 0, savedAt: '', savedBy: '', events: [event] };
  return store.save(record, { expectedRevision: current?.revision ?? 0, author });
}
