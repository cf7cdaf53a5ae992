// Bulk seeding for bench/server.bench.mjs: referral event streams and their
// projection rows written straight into the server's real schema (its own
// migrations, run through the package's `migrate`) with set-based SQL
// (`INSERT … SELECT … FROM generate_series`), not through HTTP. The same SQL
// runs on PostgreSQL and PGlite. Every row is a valid core event, and each
// projection row is core's state for its stream (built once by `replay` from
// a template and stamped with the ids).
import { replay } from '@links-approach/core/referral';

const T0 = '2025-01-06T09:00:00.000Z';
const REF = 'REFPLACEHOLDER';
const PRACTICE = 'PRACTICEPLACEHOLDER';
const EVENT = 'EVENTPLACEHOLDER';
const ACTOR = { role: 'referrer', id: 'gp-seed' };

/** The event at `version` (1 = created, then notes) of a stream, with placeholders for ids. */
function templateEvent(version) {
  const at = new Date(Date.parse(T0) + (version - 1) * 60_000).toISOString();
  if (version === 1) {
    return {
      id: EVENT,
      referralId: REF,
      type: 'created',
      at,
      actor: ACTOR,
      status: 'requested',
      person: `person-${REF}`,
      practiceId: PRACTICE,
      route: 'gp',
      reasons: [{ themeId: 'living-well-day-to-day', text: 'Lonely and isolated since retiring' }],
      urgency: 'routine',
    };
  }
  return { id: EVENT, referralId: REF, type: 'note-added', at, actor: ACTOR, text: 'Phoned to check in' };
}

/** Core's state after `events` events of the template stream, as JSON with placeholders. */
function templateState(events) {
  const list = Array.from({ length: events }, (_, i) => ({ ...templateEvent(i + 1), id: `${EVENT}${i + 1}` }));
  const result = replay(list);
  if (result.rejected.length) throw new Error(`template stream refused: ${result.rejected[0].reason}`);
  // The projection row keeps the summary: the state without timeline and notes (migration 004).
  const state = Object.fromEntries(
    Object.entries(result.state.referrals[0]).filter(([key]) => key !== 'timeline' && key !== 'notes'),
  );
  return { json: JSON.stringify(state), status: state.status, updatedAt: state.updatedAt };
}

/**
 * Seeds `referrals` streams of `eventsPerReferral` events for each practice
 * id `prefix + n` (n from `from` to `to`), or for the single practice `practiceId`.
 * Ids: `<practice>-r<n>`, events `<practice>-r<n>-e<v>`.
 *
 * @param {{ query: (sql: string, params?: unknown[]) => Promise<unknown> }} db the server package's Database
 */
export async function seedStreams(db, { practiceId, prefix, from = 1, to = 1, referrals, eventsPerReferral }) {
  const practices = practiceId ? [practiceId] : Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
  const created = JSON.stringify(templateEvent(1));
  const note = JSON.stringify(templateEvent(2));
  const state = templateState(eventsPerReferral);
  // Note events differ only in `at`: one minute apart, as the template's.
  for (const practice of practices) {
    await db.query(
      `INSERT INTO referral_events (referral_id, version, event_id, practice_id, event, recorded_at, recorded_by)
       SELECT ref, v, ref || '-e' || v, $1,
              replace(replace(replace(
                CASE WHEN v = 1 THEN $2 ELSE replace($3, $8, to_char(($7::timestamptz + (v - 1) * interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END,
                $4, ref), $5, $1), $6, ref || '-e' || v)::jsonb,
              now(), 'gp-seed'
       FROM (SELECT $1 || '-r' || r AS ref FROM generate_series(1, $9::int) r) refs, generate_series(1, $10::int) v`,
      [practice, created, note, REF, PRACTICE, EVENT, T0, templateEvent(2).at, referrals, eventsPerReferral],
    );
    await db.query(
      `INSERT INTO referrals (id, practice_id, status, version, state, updated_at)
       SELECT ref, $1, $2, $3, replace(replace(replace($4, $5, ref), $6, $1), $9, ref || '-e')::jsonb, $7::timestamptz
       FROM (SELECT $1 || '-r' || r AS ref FROM generate_series(1, $8::int) r) refs`,
      [practice, state.status, eventsPerReferral, state.json, REF, PRACTICE, state.updatedAt, referrals, EVENT],
    );
  }
  return practices.length * referrals * eventsPerReferral;
}

/** Adds the practices to the `practices` table when they are missing. */
export async function seedPractices(db, { prefix, from, to }) {
  await db.query(
    `INSERT INTO practices (id, name, list_size, cohort)
     SELECT $1 || n, 'Bench practice ' || n, 6000, 'bench' FROM generate_series($2::int, $3::int) n
     ON CONFLICT (id) DO NOTHING`,
    [prefix, from, to],
  );
}

/** Total events stored. */
export async function countEvents(db) {
  const rows = await db.query('SELECT count(*)::int AS n FROM referral_events');
  return rows[0].n;
}
