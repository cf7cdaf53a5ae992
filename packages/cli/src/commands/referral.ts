import {
  CaseloadTally,
  findDuplicates,
  messageBack,
  REFERRAL_LABELS,
  REFERRAL_STATUSES,
  ReferralFold,
  STATUS_REASON_LABELS,
  responseWindow,
  type CaseloadMetrics,
  type ReferralEventsFormat,
  type ReferralState,
} from '@links-approach/core/referral';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { streamReferralEvents } from '../event-stream.js';
import { BufferedSink, writeJsonWithList } from '../json-stream.js';
import { SpillStore } from '../spill-store.js';

/** A referral's final state as the command reports it: the state without its timeline, plus a few derived flags. */
export type ReferralSummary = Omit<ReferralState, 'timeline'> & {
  /** How many events the referral's timeline holds. */
  readonly events: number;
  /** Waiting for the CLP's response past the response window, as of `asOf`. */
  readonly overdue: boolean;
};

function parseInstant(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if ((!dateOnly && !dateTime) || Number.isNaN(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== text)) {
    throw new UsageError(
      `--as-of must be a date (YYYY-MM-DD) or a date and time (2025-03-31T17:00:00Z), not "${text}"`,
      '--as-of',
    );
  }
  return new Date(ms).toISOString();
}

function parseWindow(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1) {
    throw new UsageError(
      `--response-window must be a whole number of days from 1 to 999, not "${text}"`,
      '--response-window',
    );
  }
  return Number(text);
}

function formatFor(path: string, option: unknown): ReferralEventsFormat | undefined {
  if (option === 'json' || option === 'ndjson') return option;
  if (option !== undefined)
    throw new UsageError(`--format must be "json" or "ndjson", not "${String(option)}"`, '--format');
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

/** `links referral`: replays referral events and reports final states, refused events and caseload figures. */
export const referralCommand: Command = {
  name: 'referral',
  summary: 'Replay referral events: final states, refused events with reasons, caseload figures',
  usage: 'referral <events.json|events.ndjson> [--as-of DATE] [--response-window DAYS] [--message-back ID] [--json]',
  description:
    'Replays the referral events in a file (a "links.referral-events" JSON document, or NDJSON with one event per ' +
    "line) through the referral workflow and reports each referral's final state, every event the workflow refused " +
    'with its reason, people with more than one open referral, and the caseload figures. Refused events are part of ' +
    'the report (exit 0); a file that is not a valid events document exits 1 with the errors and their JSON paths ' +
    '(line numbers for NDJSON). Overdue flags and figures are as of --as-of (default: the time of the latest event).',
  options: {
    'as-of': {
      type: 'string',
      valueName: 'DATE',
      description: '"now" for overdue flags and figures (default: the latest event in the file)',
    },
    'response-window': {
      type: 'string',
      valueName: 'DAYS',
      description: 'days the CLP has to respond to a referral (default 14)',
    },
    'message-back': {
      type: 'string',
      valueName: 'ID',
      description: 'also print the message back to the GP and referrer for this referral',
    },
    format: {
      type: 'string',
      valueName: 'FORMAT',
      description: '"json" or "ndjson" (default: from the file name, else detected)',
    },
  },
  positionals: { min: 1, max: 1, names: '<events file>' },
  async run(ctx, args) {
    const file = args.positionals[0]!;
    const format = formatFor(file, args.values['format']);
    const windowDays = parseWindow(args.values['response-window']);
    const requestedAsOf = parseInstant(args.values['as-of']);
    const wanted = args.values['message-back'];
    // Events are read and folded one at a time; finished referrals are released to a spill file, so memory
    // grows with the referrals still open, not with the events.
    const store = new SpillStore();
    try {
      const tally = new CaseloadTally();
      const fold = new ReferralFold({
        store,
        observers: [tally],
        ...(typeof wanted === 'string' ? { keep: new Set([wanted]) } : {}),
      });
      let idWidth = 2;
      const eventCount = await streamReferralEvents(ctx.io, file, format, (event) => {
        if (fold.push(event) === undefined && event.type === 'created' && event.referralId.length > idWidth)
          idWidth = event.referralId.length;
      });
      const asOf = requestedAsOf ?? new Date(Number.isFinite(fold.latest) ? fold.latest : 0).toISOString();
      const options = { asOf, ...(windowDays !== undefined ? { responseWindowDays: windowDays } : {}) };
      tally.setAsOf(options);
      const { held } = fold.finish();
      let message: ReturnType<typeof messageBack> | undefined;
      if (typeof wanted === 'string') {
        const referral = held.find((h) => h.referral.id === wanted)?.referral;
        if (!referral)
          throw new UsageError(`--message-back: there is no referral "${wanted}" in ${file}`, '--message-back');
        message = messageBack(referral);
      }
      const heldBySeq = new Map(held.map((h) => [h.seq, h]));
      function* summaries(): Generator<ReferralSummary> {
        for (let seq = 0; seq < fold.referrals; seq++) {
          const { referral, events } = heldBySeq.get(seq) ?? store.get(seq);
          const { timeline: _timeline, ...rest } = referral;
          yield { ...rest, events, overdue: responseWindow(rest as ReferralState, options).overdue };
        }
      }
      const rejected = fold.rejected.map((r) => ({
        index: r.index,
        eventId: r.event.id,
        referralId: r.event.referralId,
        type: r.event.type,
        at: r.event.at,
        code: r.code,
        reason: r.reason,
      }));
      const duplicates = findDuplicates(held.map((h) => h.referral)).map((g) => ({
        person: g.person,
        referralIds: g.referrals.map((r) => r.id),
      }));
      const metrics = tally.result();
      const out = new BufferedSink(ctx.io.stdoutSink());
      if (ctx.json) {
        await writeJsonWithList(
          out,
          {
            ok: true,
            file,
            asOf,
            events: eventCount,
            applied: fold.applied,
            rejected,
            referrals: [],
            duplicates,
            metrics,
            ...(message ? { messageBack: message } : {}),
          },
          'referrals',
          summaries(),
        );
      } else {
        await out.write(
          `${file}: ${eventCount} events, ${fold.applied} applied, ${rejected.length} refused; ${
            fold.referrals
          } referrals (as of ${asOf.slice(0, 16).replace('T', ' ')} UTC)\n\nReferrals:\n`,
        );
        for (const s of summaries()) await out.write(`${referralLine(s, idWidth)}\n`);
        await out.write(`${describeRest(rejected, duplicates, metrics, message?.text)}\n`);
      }
      await out.close();
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};

const pct = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);
const days = (median: number | null) => (median === null ? 'n/a' : `${median.toFixed(1)} days`);

/** One referral's line in the human-readable report. */
function referralLine(s: ReferralSummary, idWidth: number): string {
  const status =
    REFERRAL_LABELS.status[s.status] +
    (s.businessStatus ? ` (${s.businessStatus})` : '') +
    (s.overdue ? ', OVERDUE' : '');
  const work = [
    `${s.contacts.length} contact${s.contacts.length === 1 ? '' : 's'}`,
    `${s.goals.length} goal${s.goals.length === 1 ? '' : 's'}`,
    `${s.resourceLinks.length} resource${s.resourceLinks.length === 1 ? '' : 's'}`,
  ];
  return `  ${s.id.padEnd(idWidth)}  ${status.padEnd(28)}  ${s.person}  ${s.practiceId}  ${work.join(', ')}${reasonOf(s)}`;
}

/** The status reason as the practice's own report shows it: the code's label, then any free text. */
function reasonOf(s: ReferralSummary): string {
  const label = s.statusReasonCode ? STATUS_REASON_LABELS[s.statusReasonCode] : undefined;
  const text = s.statusReason?.trim();
  if (!label && !text) return '';
  return `  Reason: ${[label, text].filter(Boolean).join(': ')}`;
}

/** The human-readable report after the referral lines: refusals, duplicates, figures, the message back. */
function describeRest(
  rejected: readonly {
    index: number;
    eventId: string;
    referralId: string;
    type: string;
    code: string;
    reason: string;
  }[],
  duplicates: readonly { person: string; referralIds: readonly string[] }[],
  m: CaseloadMetrics,
  messageText: string | undefined,
): string {
  const lines: string[] = [];
  lines.push('');
  if (rejected.length === 0) {
    lines.push('Refused events: none.');
  } else {
    lines.push('Refused events (they change nothing):');
    for (const r of rejected)
      lines.push(`  #${r.index + 1} ${r.eventId} (${r.type} on ${r.referralId}) [${r.code}]: ${r.reason}`);
  }
  if (duplicates.length > 0) {
    lines.push('', 'People with more than one open referral:');
    for (const d of duplicates) lines.push(`  ${d.person}: ${d.referralIds.join(', ')}`);
  }
  const counts = REFERRAL_STATUSES.filter((s) => m.byStatus[s] > 0).map(
    (s) => `${REFERRAL_LABELS.status[s].toLowerCase()} ${m.byStatus[s]}`,
  );
  lines.push(
    '',
    'Caseload figures (drafts and entries in error left out):',
    `  By status: ${counts.join(', ') || 'none'}`,
    `  Active caseload: ${m.active}; overdue responses: ${m.overdue}`,
    `  Median time to response: ${days(m.daysToResponse.median)} (${
      m.daysToResponse.count
    } referrals); to first contact: ${days(m.daysToFirstContact.median)} (${m.daysToFirstContact.count})`,
    `  People seen 3 or more times: ${m.seenThreeOrMore.count} of ${m.seenThreeOrMore.of} (${pct(
      m.seenThreeOrMore.share,
    )})`,
    `  People linked to a resource: ${m.linkedToResource.count} of ${m.linkedToResource.of} (${pct(
      m.linkedToResource.share,
    )}); resource uptake ${m.resourceUptake.count} of ${m.resourceUptake.of} links (${pct(m.resourceUptake.share)})`,
    `  Goals achieved: ${m.goalsAchieved.count} of ${m.goalsAchieved.of} (${pct(m.goalsAchieved.share)})`,
    `  Reasons by theme: ${m.reasonsByTheme.map((t) => `${t.name} ${t.count}`).join(', ')}`,
  );
  for (const p of m.practices) {
    lines.push(
      `  Practice ${p.practiceId}: ${p.referrals} referrals${
        p.per1000 !== null ? ` (${p.per1000} per 1,000 patients)` : ''
      }, ${p.active} active, ${p.overdue} overdue`,
    );
  }
  if (m.caseloadPerClp.length > 0)
    lines.push(
      `  Active caseload per CLP: ${m.caseloadPerClp.map((c) => `${c.clpId} ${c.active}`).join(', ')}${
        m.unassigned ? `; not yet with a CLP ${m.unassigned}` : ''
      }`,
    );
  if (messageText) lines.push('', messageText);
  return lines.join('\n');
}
