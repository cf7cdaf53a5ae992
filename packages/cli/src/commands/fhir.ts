import {
  parseReferralEvents,
  replay,
  type ReferralEventsFormat,
  type ReferralState,
} from '@links-approach/core/referral';
import { toFhirBundle, toFhirCollection, type FhirExportOptions } from '@links-approach/core/fhir';
import type { Command } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { readTextFile } from '../read-json.js';

function formatFor(path: string, option: unknown): ReferralEventsFormat | undefined {
  if (option === 'json' || option === 'ndjson') return option;
  if (option !== undefined) throw new UsageError(`--format must be "json" or "ndjson", not "${String(option)}"`, '--format');
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
    throw new UsageError(`--system-base must be an http(s) URL without a query, e.g. https://fhir.example.org/links, not "${text}"`, '--system-base');
  }
  return text;
}

/** `links fhir`: replays referral events and writes each referral as a FHIR R4 Bundle. */
export const fhirCommand: Command = {
  name: 'fhir',
  summary: 'Export referrals as FHIR R4 Bundles (ServiceRequest, Task, Goal, Consent)',
  usage: 'fhir <events file> [--out FILE] [--combine] [--referral ID]… [--system-base URL] [--detail consented|full] [--json]',
  description:
    'Replays the referral events in a file (a "links.referral-events" JSON document, or NDJSON) and writes each ' +
    'referral as a FHIR R4 collection Bundle: a ServiceRequest (SNOMED CT 871731000000106), a Task with the ' +
    "referral's status, Goals and Consents. By default one Bundle per referral, written as NDJSON (one Bundle per " +
    'line); with --combine one Bundle holding every referral, as JSON. Without --out the FHIR goes to standard ' +
    'output. Goals and outcomes are exported only with the person\'s consent to share them with the GP record ' +
    '(--detail full overrides this, for moving data between your own systems). Events the workflow refused are ' +
    'left out and listed (exit 0); a file that is not a valid events document exits 1.',
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'write the FHIR here instead of standard output' },
    combine: { type: 'boolean', description: 'one Bundle with every referral, instead of one Bundle per referral' },
    referral: { type: 'string', multiple: true, valueName: 'ID', description: 'export only this referral (repeatable)' },
    'system-base': {
      type: 'string',
      valueName: 'URL',
      description: 'base URL of your identifier and code systems (default https://links-approach.example/fhir)',
    },
    detail: { type: 'string', valueName: 'LEVEL', description: '"consented" (default) or "full"' },
    format: { type: 'string', valueName: 'FORMAT', description: '"json" or "ndjson" (default: from the file name, else detected)' },
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
    const parsed = parseReferralEvents(await readTextFile(ctx.io, file), format ? { format } : {});
    if (!parsed.ok) throw new InputError(parsed.errors, file);
    const result = replay(parsed.value, { trusted: true });
    let referrals: readonly ReferralState[] = result.state.referrals;
    const wanted = args.values['referral'];
    if (Array.isArray(wanted) && wanted.length > 0) {
      const missing = wanted.filter((id) => !referrals.some((r) => r.id === id));
      if (missing.length > 0) throw new UsageError(`--referral: there is no referral "${missing[0]}" in ${file}`, '--referral');
      referrals = referrals.filter((r) => wanted.includes(r.id));
    }
    const options: FhirExportOptions = {
      ...(base !== undefined ? { systemBase: base } : {}),
      ...(detail === 'full' ? { detail: 'full' as const } : {}),
    };
    const combine = args.values['combine'] === true;
    const bundles = combine ? [toFhirCollection(referrals, options)] : referrals.map((r) => toFhirBundle(r, options));
    const text = combine ? `${JSON.stringify(bundles[0], null, 2)}\n` : bundles.map((b) => JSON.stringify(b)).join('\n') + (bundles.length > 0 ? '\n' : '');
    const resources = bundles.reduce((n, b) => n + (b.entry?.length ?? 0), 0);
    const rejected = result.rejected.map((r) => ({ index: r.index, eventId: r.event.id, referralId: r.event.referralId, code: r.code, reason: r.reason }));
    const out = args.values['out'];
    const summary = {
      file,
      referrals: referrals.length,
      bundleCount: bundles.length,
      resources,
      rejected,
    };
    if (typeof out === 'string' && out !== '') {
      await ctx.io.writeText(out, text);
      ctx.succeed({ ...summary, out, format: combine ? 'json' : 'ndjson' }, () =>
        [
          `Wrote ${bundles.length} FHIR Bundle${bundles.length === 1 ? '' : 's'} (${referrals.length} referral${referrals.length === 1 ? '' : 's'}, ${resources} resources) to ${out}${combine ? '' : ' as NDJSON'}.`,
          ...refusedLines(rejected),
        ].join('\n'),
      );
      return EXIT.ok;
    }
    if (!ctx.json && rejected.length > 0) ctx.io.stderr(refusedLines(rejected).join('\n'));
    ctx.succeed(combine ? { ...summary, bundle: bundles[0] } : { ...summary, bundles }, () => text.replace(/\n$/, ''));
    return EXIT.ok;
  },
};

function refusedLines(rejected: readonly { index: number; eventId: string; reason: string }[]): string[] {
  if (rejected.length === 0) return [];
  return [
    `${rejected.length} event${rejected.length === 1 ? ' was' : 's were'} refused by the referral workflow and left out:`,
    ...rejected.slice(0, 20).map((r) => `  event ${r.index + 1} (${r.eventId}): ${r.reason}`),
    ...(rejected.length > 20 ? [`  … and ${rejected.length - 20} more`] : []),
  ];
}
