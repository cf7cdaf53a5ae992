import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PLAN_KIND, parsePlanDocument, practiceSchema, type Plan, type Practice } from '@links-approach/core/plan';
import { messageCodeOf, parseWith, type ValidationIssue } from '@links-approach/core';
import { CohortReferralTally, ReferralFold } from '@links-approach/core/referral';
import type { CohortReferralFigures } from '@links-approach/core/outcomes';
import { validateOutcomeResponses, type OutcomeResponsesDocument } from '@links-approach/core/outcomes';
import { InputError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readJsonFile } from '../read-json.js';
import { streamReferralEvents } from '../event-stream.js';
import { SpillStore } from '../spill-store.js';

/** The kind of a referral events document: its referrals give the report's referral and engagement figures. */
const REFERRAL_EVENTS_KIND = 'links.referral-events';

/** The kind of an outcome responses document: it gives the report's outcome change per cohort. */
const OUTCOME_RESPONSES_KIND = 'links.outcome-responses';

/** The kind of the practice list `links demo-data` writes. */
export const PRACTICES_KIND = 'links.practices';

/** What `links report` read. */
export interface ReportInputs {
  readonly practices: readonly Practice[];
  readonly plans: readonly Plan[];
  /**
   * Files of referral events (`links.referral-events` documents, or NDJSON), in the order given. They are not
   * read here: {@link foldReferralEvents} streams them, so a cohort of millions of events is never held.
   */
  readonly eventFiles: readonly string[];
  /** Outcome responses documents (`links.outcome-responses`), validated against their instruments. */
  readonly outcomes: readonly OutcomeResponsesDocument[];
  readonly files: readonly string[];
  /** `true` when any practice list says its data is synthetic. */
  readonly synthetic: boolean;
}

/** Most files one report reads. */
export const REPORT_FILE_LIMIT = 100_000;

/**
 * Expands the paths given to `links report`: a folder is searched (with its
 * sub-folders) for `.json` files, in name order; anything else is read as a
 * file through the CLI's IO.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
      if (out.length > REPORT_FILE_LIMIT)
        throw new InputError([{ path: '', message: `more than ${REPORT_FILE_LIMIT} files to read` }], dir);
    }
  };
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      // Not on disk (or not readable): let the IO read it, and report a missing file the usual way.
    }
    if (isDirectory) await walk(path);
    else out.push(path);
  }
  return out;
}

/**
 * Reads plan documents (`links.plan`, any readable schemaVersion) and practice
 * lists (`links.practices`) from files and folders. Any invalid document is
 * an InputError naming the file.
 */
export async function readReportInputs(io: CliIo, paths: readonly string[]): Promise<ReportInputs> {
  const files = await expandPaths(paths);
  const practices: Practice[] = [];
  const plans: Plan[] = [];
  const used: string[] = [];
  const eventFiles: string[] = [];
  const outcomes: OutcomeResponsesDocument[] = [];
  let synthetic = false;
  for (const file of files) {
    if (await isEventsFile(io, file)) {
      eventFiles.push(file);
      used.push(file);
      continue;
    }
    const input = await readJsonFile(io, file);
    const kind =
      input !== null && typeof input === 'object' && !Array.isArray(input)
        ? (input as { kind?: unknown }).kind
        : undefined;
    if (kind === PLAN_KIND) {
      const result = parsePlanDocument(input);
      if (!result.ok)
        throw new InputError(
          result.errors.map((e) => ({ path: e.path, message: e.message, ...messageCodeOf(e) })),
          file,
        );
      plans.push(result.value);
      used.push(file);
    } else if (kind === PRACTICES_KIND) {
      used.push(file);
      for (const practice of readPracticeList(input, file)) practices.push(practice);
      const meta = (input as { meta?: { synthetic?: unknown } }).meta;
      if (meta && meta.synthetic === true) synthetic = true;
    } else if (kind === OUTCOME_RESPONSES_KIND) {
      const result = validateOutcomeResponses(input);
      if (!result.ok)
        throw new InputError(
          result.errors.map((e) => ({ path: e.path, message: e.message, ...messageCodeOf(e) })),
          file,
        );
      outcomes.push(result.value);
      for (const practice of result.value.practices ?? []) practices.push(practice);
      if (result.value.meta?.synthetic === true) synthetic = true;
      used.push(file);
    } else if (kind === REFERRAL_EVENTS_KIND) {
      eventFiles.push(file);
      used.push(file);
    } else {
      throw new InputError(
        [
          {
            path: 'kind',
            message: `must be "${PLAN_KIND}", "${PRACTICES_KIND}", "${REFERRAL_EVENTS_KIND}" or "${OUTCOME_RESPONSES_KIND}": links report reads business plans, practice lists, referral events and outcome responses`,
          },
        ],
        file,
      );
    }
  }
  if (plans.length === 0)
    throw new InputError(
      [{ path: '', message: 'no business plans found: give plan files or a folder that holds them' }],
      paths.join(', '),
    );
  return { practices, plans, eventFiles, outcomes, files: used, synthetic };
}

/** Files larger than this are looked at (their first 64 KB) before being read whole. */
const PEEK_OVER = 8 * 1024 * 1024;

/**
 * Whether a file holds referral events, decided without reading it whole:
 * NDJSON (`.ndjson`, `.jsonl`), or a large file that starts as a
 * `links.referral-events` document. Smaller files are read and sorted by
 * their `kind` as usual.
 */
export async function isEventsFile(io: CliIo, file: string): Promise<boolean> {
  if (/\.(ndjson|jsonl)$/i.test(file)) return true;
  let size = 0;
  try {
    size = (await stat(file)).size;
  } catch {
    return false;
  }
  if (size <= PEEK_OVER) return false;
  const head: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of io.readChunks(file)) {
      const piece = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      head.push(piece);
      bytes += piece.length;
      if (bytes >= 65_536) break;
    }
  } catch {
    return false;
  }
  return /^\s*\{\s*"kind"\s*:\s*"links\.referral-events"/.test(Buffer.concat(head).toString('utf8'));
}

/** Referral and engagement figures per cohort from streamed events, as of the latest event. */
export interface StreamedReferralFigures {
  readonly asOf: string;
  readonly programme: CohortReferralFigures;
  readonly comparison: CohortReferralFigures;
}

/**
 * Streams the referral events files through the referral workflow, one
 * event at a time, and counts referrals per cohort as of the latest event
 * (the figures `links report` shows). Finished referrals are folded in and
 * released as they finish, so memory grows with open referrals, not events.
 * `null` when there are no events.
 */
export async function foldReferralEvents(
  io: CliIo,
  files: readonly string[],
  practices: readonly Practice[],
): Promise<StreamedReferralFigures | null> {
  if (files.length === 0) return null;
  const cohorts = new CohortReferralTally(practices);
  const store = new SpillStore();
  try {
    // Refused events are not part of the report: they are not kept.
    const fold = new ReferralFold({ observers: [cohorts], store, onRejected: () => {} });
    let events = 0;
    for (const file of files) events += await streamReferralEvents(io, file, undefined, (event) => fold.push(event));
    if (events === 0 || fold.latestAt === undefined) return null;
    cohorts.setAsOf({ asOf: fold.latestAt });
    fold.finish();
    return { asOf: fold.latestAt, ...cohorts.result() };
  } finally {
    store.close();
  }
}

function readPracticeList(input: unknown, file: string): Practice[] {
  const list = (input as { practices?: unknown }).practices;
  if (!Array.isArray(list)) throw new InputError([{ path: 'practices', message: 'must be a list of practices' }], file);
  const out: Practice[] = [];
  const errors: ValidationIssue[] = [];
  list.forEach((entry, i) => {
    const result = parseWith(practiceSchema, entry);
    if (result.ok) out.push(result.value);
    else
      for (const e of result.errors)
        errors.push({
          path: `practices[${i}]${e.path ? (e.path.startsWith('[') ? e.path : `.${e.path}`) : ''}`,
          message: e.message,
          ...messageCodeOf(e),
        });
  });
  if (errors.length > 0) throw new InputError(errors.slice(0, 50), file);
  return out;
}
