import { ReferralFold, type ReferralEventsFormat, type ReferralState } from '@links-approach/core/referral';
import { createHash } from 'node:crypto';
import {
  DEFAULT_SYSTEM_BASE,
  toFhirBundle,
  toFhirCollection,
  URL_NAMESPACE,
  uuidV5,
  type FhirExportOptions,
} from '@links-approach/core/fhir';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { streamReferralEvents } from '../event-stream.js';
import { BufferedSink, STREAMED_LIST, writeJsonWithList, writeJsonWithStream } from '../json-stream.js';
import { SpillStore } from '../spill-store.js';

function formatFor(path: string, option: unknown): ReferralEventsFormat | undefined {
  if (option === 'json' || option === 'ndjson') return option;
  if (option !== undefined)
    throw new UsageError(`--format must be "json" or "ndjson", not "${String(option)}"`, '--format');
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

function systemBase(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new UsageError(
      `--system-base must be an http(s) URL without a query, e.g. https://fhir.example.org/links, not "${text}"`,
      '--system-base',
    );
  }
  return text;
}

/** `links fhir`: replays referral events and writes each referral as a FHIR R4 Bundle. */
export const fhirCommand: Command = {
  name: 'fhir',
  summary: 'Export referrals as FHIR R4 Bundles (ServiceRequest, Task, Goal, Consent)',
  usage:
    'fhir <events file> [--out FILE] [--combine] [--referral ID]… [--system-base URL] [--detail consented|full] [--json]',
  description:
    'Replays the referral events in a file (a "links.referral-events" JSON document, or NDJSON) and writes each ' +
    'referral as a FHIR R4 collection Bundle: a ServiceRequest (SNOMED CT 871731000000106), a Task with the ' +
    "referral's status, Goals and Consents. By default one Bundle per referral, written as NDJSON (one Bundle per " +
    'line); with --combine one Bundle holding every referral, as JSON. Without --out the FHIR goes to standard ' +
    "output. Goals and outcomes are exported only with the person's consent to share them with the GP record " +
    '(--detail full overrides this, for moving data between your own systems). Events the workflow refused are ' +
    'left out and listed (exit 0); a file that is not a valid events document exits 1.',
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'write the FHIR here instead of standard output' },
    combine: { type: 'boolean', description: 'one Bundle with every referral, instead of one Bundle per referral' },
    referral: {
      type: 'string',
      multiple: true,
      valueName: 'ID',
      description: 'export only this referral (repeatable)',
    },
    'system-base': {
      type: 'string',
      valueName: 'URL',
      description: 'base URL of your identifier and code systems (default https://links-approach.example/fhir)',
    },
    detail: { type: 'string', valueName: 'LEVEL', description: '"consented" (default) or "full"' },
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
    const base = systemBase(args.values['system-base']);
    const detail = args.values['detail'];
    if (detail !== undefined && detail !== 'consented' && detail !== 'full') {
      throw new UsageError(`--detail must be "consented" or "full", not "${String(detail)}"`, '--detail');
    }
    const wanted = args.values['referral'];
    const only = Array.isArray(wanted) && wanted.length > 0 ? new Set(wanted.map(String)) : undefined;
    const options: FhirExportOptions = {
      ...(base !== undefined ? { systemBase: base } : {}),
      ...(detail === 'full' ? { detail: 'full' as const } : {}),
    };
    const combine = args.values['combine'] === true;
    // Events are streamed and folded one at a time; finished referrals (with their timelines, which the
    // Task needs) wait in a spill file, so memory grows with open referrals, not with events.
    const store = new SpillStore();
    try {
      const fold = new ReferralFold({ store, keepTimeline: true });
      await streamReferralEvents(ctx.io, file, format, (event) => fold.push(event));
      const { held } = fold.finish();
      const heldBySeq = new Map(held.map((h) => [h.seq, h.referral]));
      const seen = new Set<string>();
      function* referrals(): Generator<ReferralState> {
        for (let seq = 0; seq < fold.referrals; seq++) {
          const referral = heldBySeq.get(seq) ?? store.get(seq).referral;
          if (only && !only.has(referral.id)) continue;
          seen.add(referral.id);
          yield referral;
        }
      }
      const count = (): { referrals: number; resources: number } => {
        let n = 0;
        let resources = 0;
        for (const r of referrals()) {
          n++;
          resources += toFhirBundle(r, options).entry?.length ?? 0;
        }
        return { referrals: n, resources };
      };
      const rejected = fold.rejected.map((r) => ({
        index: r.index,
        eventId: r.event.id,
        referralId: r.event.referralId,
        code: r.code,
        reason: r.reason,
      }));
      const out = args.values['out'];
      const toFile = typeof out === 'string' && out !== '';
      if (combine) {
        // One Bundle, written as its entries are made: a first pass over the referrals gives what comes before
        // the entries (the Bundle's name-based identifier covers every referral, its timestamp is the latest
        // change, the summary counts resources), a second writes them.
        const name = createHash('sha1').update(
          uuidBytes(uuidV5(URL_NAMESPACE, (base ?? DEFAULT_SYSTEM_BASE).replace(/\/+$/, ''))),
        );
        name.update('collection/');
        let referralCount = 0;
        let resources = 0;
        let latest = '';
        // The resources are counted here only when the summary comes before the entries (--json on standard
        // output); otherwise as the entries are written, so each referral's Bundle is made once.
        const countFirst = !toFile && ctx.json;
        for (const r of referrals()) {
          name.update(`${referralCount === 0 ? '' : ','}${r.id}@${r.updatedAt}`, 'utf8');
          if (r.updatedAt > latest) latest = r.updatedAt;
          if (countFirst) resources += toFhirBundle(r, options).entry?.length ?? 0;
          referralCount++;
        }
        check(only, seen, file);
        const empty = toFhirCollection([], options);
        const bundle = {
          ...empty,
          identifier: { ...empty.identifier, value: uuidFromSha1(name.digest()) },
          timestamp: latest || '1970-01-01T00:00:00Z',
          entry: STREAMED_LIST,
        };
        let written = 0;
        const entries = function* () {
          for (const r of referrals()) {
            const entry = toFhirBundle(r, options).entry ?? [];
            written += entry.length;
            yield* entry;
          }
        };
        if (toFile) {
          const sink = new BufferedSink(await ctx.io.openWrite(out));
          await writeJsonWithStream(sink, bundle, entries());
          await sink.close();
          const summary = { file, referrals: referralCount, bundleCount: 1, resources: written, rejected };
          ctx.succeed({ ...summary, out, format: 'json' }, () => wrote(summary, out, true, rejected));
        } else {
          if (!ctx.json && rejected.length > 0) ctx.io.stderr(refusedLines(rejected).join('\n'));
          const summary = { file, referrals: referralCount, bundleCount: 1, resources, rejected };
          const sink = new BufferedSink(ctx.io.stdoutSink());
          await writeJsonWithStream(sink, ctx.json ? { ok: true, ...summary, bundle } : bundle, entries());
          await sink.close();
        }
        return EXIT.ok;
      }
      // One Bundle per referral, as NDJSON, written as it is made.
      if (toFile || !ctx.json) {
        // Unknown --referral ids are refused before anything is written (a pass that makes no Bundle); the
        // summary is counted as the Bundles are written, so each is made once.
        if (only) {
          for (const r of referrals()) seen.add(r.id);
          check(only, seen, file);
        }
        if (!toFile && rejected.length > 0) ctx.io.stderr(refusedLines(rejected).join('\n'));
        const sink = new BufferedSink(toFile ? await ctx.io.openWrite(out) : ctx.io.stdoutSink());
        let n = 0;
        let resources = 0;
        for (const r of referrals()) {
          const bundle = toFhirBundle(r, options);
          n++;
          resources += bundle.entry?.length ?? 0;
          await sink.write(`${JSON.stringify(bundle)}\n`);
        }
        await sink.close();
        const summary = { file, referrals: n, bundleCount: n, resources, rejected };
        if (toFile) ctx.succeed({ ...summary, out, format: 'ndjson' }, () => wrote(summary, out, false, rejected));
        return EXIT.ok;
      }
      const totals = count();
      check(only, seen, file);
      const summary = {
        file,
        referrals: totals.referrals,
        bundleCount: totals.referrals,
        resources: totals.resources,
        rejected,
      };
      const json = new BufferedSink(ctx.io.stdoutSink());
      await writeJsonWithList(
        json,
        { ok: true, ...summary, bundles: [] },
        'bundles',
        (function* () {
          for (const r of referrals()) yield toFhirBundle(r, options);
        })(),
      );
      await json.close();
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};

/** The 16 bytes of a UUID written 8-4-4-4-12. */
function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** A version-5 UUID from the SHA-1 of its namespace and name (RFC 9562), as core's `uuidV5` makes it. */
function uuidFromSha1(hash: Buffer): string {
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Refuses --referral ids that are not in the file. */
function check(only: ReadonlySet<string> | undefined, seen: ReadonlySet<string>, file: string): void {
  if (!only) return;
  for (const id of only)
    if (!seen.has(id)) throw new UsageError(`--referral: there is no referral "${id}" in ${file}`, '--referral');
}

function wrote(
  summary: { referrals: number; bundleCount: number; resources: number },
  out: string,
  combine: boolean,
  rejected: readonly { index: number; eventId: string; reason: string }[],
): string {
  return [
    `Wrote ${summary.bundleCount} FHIR Bundle${summary.bundleCount === 1 ? '' : 's'} (${summary.referrals} referral${summary.referrals === 1 ? '' : 's'}, ${summary.resources} resources) to ${out}${combine ? '' : ' as NDJSON'}.`,
    ...refusedLines(rejected),
  ].join('\n');
}

function refusedLines(rejected: readonly { index: number; eventId: string; reason: string }[]): string[] {
  if (rejected.length === 0) return [];
  return [
    `${rejected.length} event${rejected.length === 1 ? ' was' : 's were'} refused by the referral workflow and left out:`,
    ...rejected.slice(0, 20).map((r) => `  event ${r.index + 1} (${r.eventId}): ${r.reason}`),
    ...(rejected.length > 20 ? [`  … and ${rejected.length - 20} more`] : []),
  ];
}
