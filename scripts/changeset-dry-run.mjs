// `npm run changeset:dry-run`: runs `changeset version` on a throwaway copy of
// the repository's release metadata and checks what it did, without touching
// the working tree.
//
// The copy is a new git repository on branch `main` (changesets needs git and
// the base branch) in a temporary folder, holding only what `changeset
// version` reads and writes: the root package.json, each workspace package's
// package.json and CHANGELOG.md, and the .changeset folder as it is now
// (uncommitted changesets included). `node_modules` is linked so the
// changelog generator named in .changeset/config.json resolves.
//
// It fails unless: the command exits 0; every package named in a changeset
// gets a higher version, at least the bump its changesets ask for; each of
// those packages has a CHANGELOG.md entry for its new version holding the
// first line of each of its changesets; the changesets are used up; and the
// real working tree's release files are byte-for-byte unchanged.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './lib.mjs';

const BUDGET_SECONDS = 20;
const started = Date.now();
const problems = [];
const rank = { patch: 1, minor: 2, major: 3 };

/** The workspace package folders, from the root package.json (plain paths or `dir/*` globs). */
function workspaceDirs() {
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of rootPkg.workspaces ?? []) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      for (const name of existsSync(parent) ? readdirSync(parent) : []) {
        if (existsSync(join(parent, name, 'package.json'))) dirs.push(`${pattern.slice(0, -2)}/${name}`);
      }
    } else if (existsSync(join(root, pattern, 'package.json'))) dirs.push(pattern);
  }
  return dirs;
}

/** The files the dry run copies (relative to the repo root). */
function releaseFiles(dirs) {
  const files = ['package.json'];
  for (const dir of dirs) {
    files.push(`${dir}/package.json`);
    if (existsSync(join(root, dir, 'CHANGELOG.md'))) files.push(`${dir}/CHANGELOG.md`);
  }
  for (const name of readdirSync(join(root, '.changeset'))) files.push(`.changeset/${name}`);
  return files;
}

/** One hash over the working tree's release files, to prove the dry run left them alone. */
function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(file);
    hash.update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : 'missing');
  }
  // A CHANGELOG.md appearing in the real tree would be a write too.
  for (const dir of workspaceDirs()) hash.update(`${dir}:${existsSync(join(root, dir, 'CHANGELOG.md'))}`);
  return hash.digest('hex');
}

/** The releases a changeset file asks for, and the first line of its summary. */
function parseChangeset(text, file) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push(`${file}: no front matter`);
    return { releases: [], summary: '' };
  }
  const releases = [];
  for (const line of match[1].split(/\r?\n/)) {
    const entry = /^\s*['"]?([^'":]+)['"]?\s*:\s*(patch|minor|major)\s*$/.exec(line);
    if (entry) releases.push({ name: entry[1].trim(), type: entry[2] });
    else if (line.trim()) problems.push(`${file}: cannot read front-matter line "${line}"`);
  }
  const summary = match[2].trim().split(/\r?\n/)[0] ?? '';
  return { releases, summary };
}

function bumped(version, type) {
  const [major, minor, patch] = version.split('-')[0].split('.').map(Number);
  if (type === 'major') return `${major + 1}.0.0`;
  if (type === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function compare(a, b) {
  const pa = a.split('-')[0].split('.').map(Number);
  const pb = b.split('-')[0].split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

const dirs = workspaceDirs();
const files = releaseFiles(dirs);
const before = fingerprint(files);

// What the changesets ask for.
const changesetFiles = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
const wanted = new Map(); // package name → { type, summaries }
for (const file of changesetFiles) {
  const { releases, summary } = parseChangeset(readFileSync(join(root, '.changeset', file), 'utf8'), file);
  for (const { name, type } of releases) {
    const entry = wanted.get(name) ?? { type, summaries: [] };
    if (rank[type] > rank[entry.type]) entry.type = type;
    entry.summaries.push({ file, summary });
    wanted.set(name, entry);
  }
}

const packages = new Map(); // name → { dir, version }
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  packages.set(pkg.name, { dir, version: pkg.version });
}
for (const name of wanted.keys()) if (!packages.has(name)) problems.push(`a changeset names ${name}, which is not a workspace package`);

const temp = mkdtempSync(join(tmpdir(), 'links-changeset-dry-run-'));
let versionOutput = '';
try {
  for (const file of files) {
    mkdirSync(dirname(join(temp, file)), { recursive: true });
    cpSync(join(root, file), join(temp, file));
  }
  symlinkSync(join(root, 'node_modules'), join(temp, 'node_modules'), 'dir');
  writeFileSync(join(temp, '.gitignore'), 'node_modules\n');

  // A repository of its own: no GIT_* variables from the caller may point git at the real one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  Object.assign(env, {
    GIT_AUTHOR_NAME: 'changeset dry run',
    GIT_AUTHOR_EMAIL: 'dry-run@example.invalid',
    GIT_COMMITTER_NAME: 'changeset dry run',
    GIT_COMMITTER_EMAIL: 'dry-run@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(temp, '.gitconfig-none'),
  });
  const git = (...args) => execFileSync('git', args, { cwd: temp, env, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'release metadata for the changeset dry run');

  const run = spawnSync(process.execPath, [join(root, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], {
    cwd: temp,
    env,
    encoding: 'utf8',
    timeout: BUDGET_SECONDS * 1000,
  });
  versionOutput = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error) problems.push(`changeset version could not run: ${run.error.message}`);
  else if (run.status !== 0) problems.push(`changeset version exited ${run.status}`);

  // What it did.
  for (const [name, { type, summaries }] of wanted) {
    const pkg = packages.get(name);
    if (!pkg) continue;
    const after = JSON.parse(readFileSync(join(temp, pkg.dir, 'package.json'), 'utf8')).version;
    const least = bumped(pkg.version, type);
    if (compare(after, least) < 0) problems.push(`${name}: ${pkg.version} → ${after}, but its changesets ask for a ${type} bump (at least ${least})`);
    const changelogFile = join(temp, pkg.dir, 'CHANGELOG.md');
    if (!existsSync(changelogFile)) {
      problems.push(`${name}: no CHANGELOG.md written`);
      continue;
    }
    const changelog = readFileSync(changelogFile, 'utf8');
    const section = changelog.split(/^## /m).find((s) => s.startsWith(`${after}\n`));
    if (!section) {
      problems.push(`${name}: CHANGELOG.md has no "## ${after}" entry`);
      continue;
    }
    for (const { file, summary } of summaries) {
      if (!section.includes(summary.slice(0, 60))) problems.push(`${name}: the ${after} entry lacks ${file} ("${summary.slice(0, 40)}…")`);
    }
    pkg.after = after;
  }
  const left = readdirSync(join(temp, '.changeset')).filter((f) => changesetFiles.includes(f));
  if (left.length > 0) problems.push(`changesets not used up: ${left.join(', ')}`);
} catch (error) {
  problems.push(`dry run failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (fingerprint(files) !== before) problems.push('the working tree’s release files changed: the dry run must never touch them');
const seconds = (Date.now() - started) / 1000;
if (seconds > BUDGET_SECONDS) problems.push(`took ${seconds.toFixed(1)} s, over the ${BUDGET_SECONDS} s budget`);

if (changesetFiles.length === 0) console.log('changeset dry run: no pending changesets; nothing to version.');
for (const [name, { type }] of wanted) {
  const pkg = packages.get(name);
  if (pkg?.after) console.log(`  ${name}: ${pkg.version} → ${pkg.after} (${type}; CHANGELOG.md entry written)`);
}
if (problems.length > 0) {
  if (versionOutput.trim()) console.log(versionOutput.trim());
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`changeset dry run: failed (${problems.length} problem${problems.length === 1 ? '' : 's'}, ${seconds.toFixed(1)} s)`);
  process.exitCode = 1;
} else {
  console.log(`changeset dry run: ${changesetFiles.length} changesets, ${wanted.size} packages bumped, working tree untouched (${seconds.toFixed(1)} s)`);
}
