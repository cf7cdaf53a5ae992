import {
  ALISS_DEFAULT_BASE_URL,
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  createAlissDirectory,
  directoryErrorIssues,
  formatAttribution,
  isRetryable,
  normaliseQuery,
  resourceFreshness,
  validateBaseUrl,
  type CommunityResource,
  type DirectoryError,
  type ResourceQuery,
} from '@links-approach/core/resources';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';

const FLAG_OF: Record<string, string> = {
  text: '--q',
  postcode: '--postcode',
  category: '--category',
  limit: '--limit',
  radius: '--radius',
  baseUrl: '--base-url',
};

/**
 * `links resources search`: searches ALISS (or another ALISS v4-compatible
 * address) and prints up to `--limit` resources, following the API's pages,
 * with the CC BY 4.0 attribution.
 *
 * Exit codes: 0 results (possibly none); 1 the directory could not answer
 * usably (unreachable, timed out, HTTP error, malformed answer) — not the
 * user's input, but the search did not succeed, and `--json` prints
 * `{ok:false, errors:[{path, message}]}`; 2 bad flags (`--limit abc`, a
 * postcode that is not one, no postcode, a base URL that is not http(s)).
 */
export const resourcesCommand: Command = {
  name: 'resources',
  summary: 'Search community resources on ALISS (data CC BY 4.0)',
  usage: 'resources search --postcode PC [--q TEXT] [--category SLUG] [--limit N] [--base-url URL] [--json]',
  description: [
    'Searches ALISS (A Local Information System for Scotland) around a postcode and prints up to',
    `--limit resources (default ${DEFAULT_SEARCH_LIMIT}, at most ${MAX_SEARCH_LIMIT}), following the API's pages as needed,`,
    'with how recently each listing was reviewed and the attribution ALISS data needs (CC BY 4.0).',
    '',
    `The API address defaults to ${ALISS_DEFAULT_BASE_URL}; set --base-url or LINKS_ALISS_BASE_URL`,
    'to use another (a local fixture server in tests).',
    '',
    'Exit codes: 0 success (even with no results); 1 the directory could not be searched',
    '(unreachable, timed out, an HTTP error or an answer in an unexpected shape); 2 bad options.',
  ].join('\n'),
  options: {
    q: { type: 'string', valueName: 'TEXT', description: 'words to search for' },
    postcode: { type: 'string', valueName: 'PC', description: 'UK postcode to search around (ALISS needs one)' },
    category: { type: 'string', valueName: 'SLUG', description: 'an ALISS category slug, e.g. "mental-health"' },
    radius: { type: 'string', valueName: 'METRES', description: 'search radius in metres (ALISS default 5000)' },
    limit: {
      type: 'string',
      valueName: 'N',
      description: `most results to return (default ${DEFAULT_SEARCH_LIMIT}, at most ${MAX_SEARCH_LIMIT})`,
    },
    'base-url': {
      type: 'string',
      valueName: 'URL',
      description: `ALISS API address (default ${ALISS_DEFAULT_BASE_URL})`,
    },
    timeout: { type: 'string', valueName: 'SECONDS', description: 'time limit per request (default 10)' },
  },
  positionals: { min: 1, max: 1, names: 'search' },
  async run(ctx, args) {
    const [action] = args.positionals;
    if (action !== 'search')
      throw new UsageError(`resources: unknown action "${action}". Usage: links ${resourcesCommand.usage}`, 'action');
    const text = (name: string) => (typeof args.values[name] === 'string' ? (args.values[name] as string) : undefined);

    const limit = wholeNumber(text('limit'), '--limit', 1, MAX_SEARCH_LIMIT) ?? DEFAULT_SEARCH_LIMIT;
    const radius = wholeNumber(text('radius'), '--radius', 1, 200_000);
    const timeoutSeconds = positiveNumber(text('timeout'), '--timeout', 120);
    const baseUrlText = text('base-url') ?? (ctx.io.env['LINKS_ALISS_BASE_URL'] || undefined) ?? ALISS_DEFAULT_BASE_URL;
    const baseUrl = validateBaseUrl(baseUrlText);
    if (!baseUrl.ok) throw new UsageError(`resources: --base-url ${baseUrl.errors[0]!.message}`, '--base-url');

    const query: ResourceQuery = {
      limit,
      ...(text('q') !== undefined ? { text: text('q') } : {}),
      ...(text('postcode') !== undefined ? { postcode: text('postcode') } : {}),
      ...(text('category') !== undefined ? { category: text('category') } : {}),
      ...(radius !== undefined ? { radius } : {}),
    };
    const checked = normaliseQuery(query);
    if (!checked.ok) throw usageFrom(checked.error);
    if (!checked.value.postcode) {
      throw new UsageError('resources: --postcode is required: ALISS searches around a UK postcode', '--postcode');
    }

    const directory = createAlissDirectory({
      baseUrl: baseUrl.value,
      ...(timeoutSeconds !== undefined ? { timeoutMs: Math.round(timeoutSeconds * 1000) } : {}),
    });
    const result = await directory.search(query);
    if (!result.ok) {
      if (result.error.kind === 'invalid-query') throw usageFrom(result.error);
      return reportFailure(ctx, result.error);
    }

    const { resources, source, total, next } = result.value;
    const now = new Date();
    ctx.succeed(
      {
        query: checked.value,
        count: resources.length,
        ...(total !== undefined ? { total } : {}),
        more: next !== undefined,
        source: { id: source.id, name: source.name, baseUrl: baseUrl.value },
        licence: source.licence,
        attribution: source.attribution,
        resources,
      },
      () => describe(resources, total, source.name, now) + `\n\n${formatAttribution(source)}`,
    );
    return EXIT.ok;
  },
};

function wholeNumber(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`resources: ${flag} must be a whole number from ${min} to ${max}, not "${value}"`, flag);
  }
  return n;
}

function positiveNumber(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(n > 0) || n > max)
    throw new UsageError(
      `resources: ${flag} must be a number of seconds above 0 and at most ${max}, not "${value}"`,
      flag,
    );
  return n;
}

function usageFrom(error: DirectoryError): UsageError {
  const issue = error.kind === 'invalid-query' ? error.issues[0] : undefined;
  const flag = issue ? (FLAG_OF[issue.path] ?? issue.path) : '';
  return new UsageError(issue ? `resources: ${flag} ${issue.message}` : `resources: ${error.message}`, flag);
}

function reportFailure(ctx: Parameters<Command['run']>[0], error: DirectoryError): number {
  const errors = directoryErrorIssues(error);
  if (ctx.json) ctx.io.stdout(JSON.stringify({ ok: false, errors }, null, 2));
  const hint = isRetryable(error)
    ? '\nThis may pass: try again in a moment, or check the connection and --base-url.'
    : '';
  const detail =
    error.kind === 'malformed' && error.issues.length > 0
      ? `\n${error.issues
          .slice(0, 10)
          .map((i) => `  ${i.path || '(the answer)'}: ${i.message}`)
          .join('\n')}${error.issues.length > 10 ? `\n  … and ${error.issues.length - 10} more` : ''}`
      : '';
  ctx.io.stderr(`links: could not search ALISS: ${error.message}${detail}${hint}`);
  return EXIT.invalidInput;
}

function describe(
  resources: readonly CommunityResource[],
  total: number | undefined,
  sourceName: string,
  now: Date,
): string {
  if (resources.length === 0) return `No resources found on ${sourceName}.`;
  const heading =
    total !== undefined && total > resources.length
      ? `${resources.length} of ${total} resources from ${sourceName}:`
      : `${resources.length} resource${resources.length === 1 ? '' : 's'} from ${sourceName}:`;
  const blocks = resources.map((r, i) => {
    const lines = [
      `${i + 1}. ${r.name}${r.organisation ? ` (${r.organisation.name})` : ''}${r.status === 'active' ? '' : ` [${r.status.toUpperCase()}]`}`,
    ];
    if (r.description) lines.push(`   ${shorten(r.description, 200)}`);
    if (r.categories.length > 0) lines.push(`   Categories: ${r.categories.map((c) => c.name).join(', ')}`);
    const contact = [r.contact.phone, r.contact.email, r.contact.website].filter(Boolean);
    if (contact.length > 0) lines.push(`   Contact: ${contact.join(' · ')}`);
    const where = r.locations[0]?.address ?? r.serviceAreas.map((a) => a.name).join(', ');
    if (where) lines.push(`   Where: ${where}`);
    if (r.accessibilityFeatures.length > 0) lines.push(`   Accessibility: ${r.accessibilityFeatures.join(', ')}`);
    const fresh = resourceFreshness(r, now);
    lines.push(`   ${capitalise(fresh.text)}${fresh.stale ? ' (may be out of date: check before signposting)' : ''}`);
    if (r.provenance.url) lines.push(`   ${r.provenance.url}`);
    return lines.join('\n');
  });
  return [heading, '', blocks.join('\n\n')].join('\n');
}

function shorten(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
