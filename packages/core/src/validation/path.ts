const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Turns path segments into the JSON path our errors use:
 * `['capacities', 'signposting', 'aims', 0, 'target']` → `capacities.signposting.aims[0].target`.
 * Keys that are not plain identifiers are quoted: `items["odd key"]`.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/**
 * Joins a path prefix and a path relative to it, as our errors write them:
 * `aims[2]` + `target` → `aims[2].target`, `events` + `[3].at` → `events[3].at`;
 * an empty side leaves the other as it is.
 */
export function joinPath(head: string, relative: string): string {
  if (!relative) return head;
  if (!head) return relative;
  return relative.startsWith('[') ? `${head}${relative}` : `${head}.${relative}`;
}
