// Random JSON edits shared by the fast-path property tests (no tests here; not published).
/* eslint-disable @typescript-eslint/no-explicit-any -- the edits change parsed JSON freely */

export type Path = (string | number)[];

/** Every path inside `value`, parents before their children. */
export function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push([...at, index]);
      pathsOf(item, [...at, index], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([...at, key]);
      pathsOf(item, [...at, key], out);
    }
  }
  return out;
}

/** The container and key of path number `at` (counted round) inside `value`; undefined when it has none. */
export function slotAt(value: unknown, at: number): { parent: any; key: string | number } | undefined {
  const paths = pathsOf(value);
  if (paths.length === 0) return undefined;
  const path = paths[at % paths.length]!;
  let parent: any = value;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  return { parent, key: path[path.length - 1]! };
}

/** The edits every fast-path test makes: `replace` the value or `remove` it. False for any other kind. */
export function applySharedEdit(parent: any, key: string | number, kind: string, value: unknown): boolean {
  if (kind === 'replace') parent[key] = structuredClone(value);
  else if (kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else return false;
  return true;
}
