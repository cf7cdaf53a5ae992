import {
  maturityCsvColumns,
  maturityRows,
  practiceSummaryRow,
  PRACTICE_SUMMARY_CSV_COLUMNS,
  REFERRAL_CSV_COLUMNS,
} from '@links-approach/core/export';
import { parsePlanDocument, PLAN_KIND, practiceSchema, type Plan, type Practice } from '@links-approach/core/plan';
import { PracticeCaseloadTally, ReferralFold, type ReferralState } from '@links-approach/core/referral';
import { messageCodeOf, parseWith, type ValidationIssue } from '@links-approach/core';
import type { Command } from '../command.js';
import { toCsv } from '@links-approach/core/csv';
import { EXIT, InputError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readTextFile } from '../read-json.js';
import { streamReferralEvents } from '../event-stream.js';
import { BufferedSink } from '../json-stream.js';
import { SpillStore } from '../spill-store.js';
import { expandPaths, isEventsFile, PRACTICES_KIND } from '../report/inputs.js';

/** The CSV writer of core's CSV entry point (`@links-approach/core/csv`). */
export interface CsvWriter {
  toCsv<T>(
    rows: readonly T[],
    columns: readonly { readonly header: string; readonly value: string | ((row: T) => unknown) }[],
  ): string;
}

/** The CSV writer of core's CSV entry point. */
export async function loadCoreCsv(): Promise<CsvWriter> {
  return { toCsv } as CsvWriter;
}

/** The exports `links export csv` can write. */
export const CSV_EXPORTS = ['referrals', 'practices', 'maturity'] as const;
type CsvExport = (typeof CSV_EXPORTS)[number];

/** What the input files held (referral events files are streamed later, never held). */
interface Inputs {
  readonly eventFiles: string[];
  readonly practices: Practice[];
  readonly plans: Plan[];
}

const prefix = (base: string, path: string) =>
  path ? (path.startsWith('[') ? `${base}${path}` : `${base}.${path}`) : base;

/**
 * Reads every input file and sorts what it holds: a practice list (`links.practices`),
 * a plan document (`links.plan`), or referral events (a `links.referral-events`
 * document, or NDJSON). Folders are searched for `.json` files.
 */
async function readInputs(io: CliIo, paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { eventFiles: [], practices: [], plans: [] };
  for (const file of await expandPaths(paths)) {
    if (await isEventsFile(io, file)) {
      inputs.eventFiles.push(file);
      continue;
    }
    const text = await readTextFile(io, file);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined; // NDJSON, or not JSON at all: the events parser says which.
    }
    const kind =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as { kind?: unknown }).kind
        : undefined;
    if (kind === PRACTICES_KIND) {
      const list = (value as { practices?: unknown }).practices;
      if (!Array.isArray(list))
        throw new InputError([{ path: 'practices', message: 'must be a list of practices' }], file);
      const errors: ValidationIssue[] = [];
      list.forEach((entry, i) => {
        const result = parseWith(practiceSchema, entry);
        if (result.ok) inputs.practices.push(result.value);
        else
          for (const e of result.errors)
            errors.push({ path: prefix(`practices[${i}]`, e.path), message: e.message, ...messageCodeOf(e) });
      });
      if (errors.length > 0) throw new InputError(errors.slice(0, 50), file);
    } else if (kind === PLAN_KIND) {
      const result = parsePlanDocument(value);
      if (!result.ok)
        throw new InputError(
          result.errors.map((e) => ({ path: e.path, message: e.message, ...messageCodeOf(e) })),
          file,
        );
      inputs.plans.push(result.value);
    } else if (kind === undefined || kind === 'links.referral-events') {
      inputs.eventFiles.push(file);
    } else {
      throw new InputError(
        [
          {
            path: 'kind',
            message: `must be "links.referral-events", "${PRACTICES_KIND}" or "${PLAN_KIND}", not ${JSON.stringify(kind)}`,
          },
        ],
        file,
      );
    }
  }
  return inputs;
}

function parseDate(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--${option} must be a date written YYYY-MM-DD, not "${text}"`, `--${option}`);
  }
  return text;
}

/**
 * Streams every events file through one incremental fold; finished referrals wait in a spill file. Returns
 * the referrals in creation order (read back one at a time) and the latest event time.
 */
async function foldEvents(
  io: CliIo,
  files: readonly string[],
  store: SpillStore,
  what: string,
  tally?: { readonly observer: PracticeCaseloadTally; readonly asOf: string | undefined },
): Promise<{ referrals: () => Generator<ReferralState>; latest: string }> {
  const fold = new ReferralFold({ store, onRejected: () => {}, ...(tally ? { observers: [tally.observer] } : {}) });
  let events = 0;
  for (const file of files) events += await streamReferralEvents(io, file, undefined, (event) => fold.push(event));
  if (events === 0)
    throw new InputError([{ path: '', message: 'no referral events found: give a referral events file' }], what);
  // "Now" for overdue counts is known once every event is in, before the open referrals are counted.
  if (tally)
    tally.observer.setAsOf(tally.asOf ?? new Date(Number.isFinite(fold.latest) ? fold.latest : 0).toISOString());
  const { held } = fold.finish();
  const heldBySeq = new Map(held.map((h) => [h.seq, h.referral]));
  return {
    latest: new Date(Number.isFinite(fold.latest) ? fold.latest : 0).toISOString(),
    referrals: function* () {
      for (let seq = 0; seq < fold.referrals; seq++) yield heldBySeq.get(seq) ?? store.get(seq).referral;
    },
  };
}

/** CSV rows written a batch at a time: the header once, then each batch without it. */
async function writeCsvRows<T>(
  writeCsv: CsvWriter['toCsv'],
  sink: BufferedSink,
  rows: Iterable<T>,
  columns: readonly { readonly header: string; readonly value: string | ((row: T) => unknown) }[],
): Promise<number> {
  const header = writeCsv<T>([], columns);
  await sink.write(header);
  let batch: T[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await sink.write(writeCsv(batch, columns).slice(header.length));
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    count++;
    if (batch.length === 1000) await flush();
  }
  await flush();
  return count;
}

/** Builds `links export`; tests pass their own CSV writer loader. */
export function makeExportCommand(loadCsv: () => Promise<CsvWriter> = loadCoreCsv): Command {
  const usage =
    'export csv <referrals|practices|maturity> <files or folders…> [--out FILE] [--as-of DATE] [--from DATE] [--to DATE] [--json]';
  return {
    name: 'export',
    summary: 'Export CSV for funders and evaluators: referrals, practice summaries, maturity',
    usage,
    description:
      'Writes a CSV file (RFC 4180, CRLF, safe to open in a spreadsheet: cells that would run as a formula are ' +
      'neutralised). "referrals": one row per referral from referral events files, nothing beyond the pseudonymous ' +
      'reference (no free text, no staff references). "practices": one row per practice (referrals per 1,000 patients, ' +
      'people seen 3 or more times, response times…) from events files and practice lists ("links.practices"). ' +
      '"maturity": one row per practice per plan revision, each scored as saved, from plan documents or folders of ' +
      'them. Without --out the CSV goes to standard output. --from and --to keep only referrals requested in that ' +
      'period; --as-of is "now" for overdue counts (default: the latest event).',
    options: {
      out: { type: 'string', valueName: 'FILE', description: 'write the CSV here instead of standard output' },
      'as-of': {
        type: 'string',
        valueName: 'DATE',
        description: '"now" for overdue counts, YYYY-MM-DD (default: the latest event)',
      },
      from: { type: 'string', valueName: 'DATE', description: 'only referrals requested on or after this day' },
      to: { type: 'string', valueName: 'DATE', description: 'only referrals requested on or before this day' },
    },
    positionals: { min: 3, max: 10_000, names: 'csv <referrals|practices|maturity> <files…>' },
    async run(ctx, args) {
      const [format, what, ...files] = args.positionals;
      if (format !== 'csv')
        throw new UsageError(`export: the only format is "csv", not "${format}". Usage: links ${usage}`, 'format');
      if (!(CSV_EXPORTS as readonly string[]).includes(what!)) {
        throw new UsageError(`export csv: choose one of ${CSV_EXPORTS.join(', ')}, not "${what}"`, 'what');
      }
      const kind = what as CsvExport;
      const from = parseDate(args.values['from'], 'from');
      const to = parseDate(args.values['to'], 'to');
      const asOfDay = parseDate(args.values['as-of'], 'as-of');
      const inputs = await readInputs(ctx.io, files);
      const { toCsv: writeCsv } = await loadCsv();
      const out = args.values['out'];
      const toFile = typeof out === 'string' && out !== '';
      if (kind === 'referrals' && (toFile || !ctx.json)) {
        // One row per referral, written as the referrals are read back: nothing grows with the cohort but the spill file.
        const store = new SpillStore();
        try {
          const { referrals } = await foldEvents(ctx.io, inputs.eventFiles, store, files.join(', '));
          const inPeriod = function* () {
            for (const r of referrals()) {
              const day = (r.requestedAt ?? r.createdAt).slice(0, 10);
              if ((from === undefined || day >= from) && (to === undefined || day <= to)) yield r;
            }
          };
          const sink = new BufferedSink(toFile ? await ctx.io.openWrite(out) : ctx.io.stdoutSink());
          const rows = await writeCsvRows(writeCsv, sink, inPeriod(), REFERRAL_CSV_COLUMNS);
          await sink.close();
          if (toFile)
            ctx.succeed(
              { export: kind, rows, out },
              () => `Wrote ${rows} ${kind} row${rows === 1 ? '' : 's'} to ${out}.`,
            );
          return EXIT.ok;
        } finally {
          store.close();
        }
      }
      let csv: string;
      let rows: number;
      if (kind === 'practices') {
        // One row per practice, from caseload figures folded per practice as referrals finish: nothing is held
        // but a small record per referral.
        const practices = inputs.practices.length > 0 ? inputs.practices : inputs.plans.map((p) => p.practice);
        const observer = new PracticeCaseloadTally(practices, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
        const store = new SpillStore();
        try {
          await foldEvents(ctx.io, inputs.eventFiles, store, files.join(', '), {
            observer,
            asOf: asOfDay !== undefined ? `${asOfDay}T23:59:59Z` : undefined,
          });
        } finally {
          store.close();
        }
        const table = observer.result().map(({ practice, metrics }) => practiceSummaryRow(practice, metrics));
        csv = writeCsv(table, PRACTICE_SUMMARY_CSV_COLUMNS);
        rows = table.length;
      } else if (kind === 'referrals') {
        // The CSV goes into one JSON document (--json and no --out): the events are still streamed, and only
        // the CSV text is held (written a batch of rows at a time), never the referrals.
        const store = new SpillStore();
        try {
          const folded = await foldEvents(ctx.io, inputs.eventFiles, store, files.join(', '));
          const inPeriod = function* () {
            for (const r of folded.referrals()) {
              const day = (r.requestedAt ?? r.createdAt).slice(0, 10);
              if ((from === undefined || day >= from) && (to === undefined || day <= to)) yield r;
            }
          };
          const pieces: string[] = [];
          const text = new BufferedSink({ write: async (piece) => void pieces.push(piece), close: async () => {} });
          rows = await writeCsvRows(writeCsv, text, inPeriod(), REFERRAL_CSV_COLUMNS);
          await text.close();
          csv = pieces.join('');
        } finally {
          store.close();
        }
      } else {
        if (inputs.plans.length === 0)
          throw new InputError(
            [{ path: '', message: 'no business plans found: give plan files or a folder that holds them' }],
            files.join(', '),
          );
        const table = maturityRows(inputs.plans);
        csv = writeCsv(table, maturityCsvColumns());
        rows = table.length;
      }
      if (toFile) {
        await ctx.io.writeText(out, csv);
        ctx.succeed({ export: kind, rows, out }, () => `Wrote ${rows} ${kind} row${rows === 1 ? '' : 's'} to ${out}.`);
      } else {
        ctx.succeed({ export: kind, rows, csv }, () => csv);
      }
      return EXIT.ok;
    },
  };
}

/** `links export csv …`. */
export const exportCommand: Command = makeExportCommand();
