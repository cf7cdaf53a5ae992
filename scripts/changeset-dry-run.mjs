// `npm run changeset:dry-run`: the release checks `changeset status` cannot make.
//
// `changeset status` reads every pending changeset and plans the release; it
// fails on a malformed changeset or one naming a package outside the
// workspace. It accepts a changeset with no summary, never loads the
// changelog generator named in .changeset/config.json and writes nothing. So
// this script takes the plan from `changeset status --output`, fails on an
// empty summary, then runs `changeset version` on a throwaway copy of the
// release metadata (a new git repository on branch `main`: changesets needs
// git and the base branch; `node_modules` linked so the generator resolves)
// and fails unless it exits 0 and writes a CHANGELOG.md entry for each
// planned version, and unless the working tree's release files are
// byte-for-byte unchanged afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './lib.mjs';

const CHANGESET = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
/** Only a guard against a hang: the run normally takes a few seconds. */
const HANG_TIMEOUT_MS = 120_000;
const problems = [];
const temp = mkdtempSync(join(tmpdir(), 'links-changeset-dry-run-'));

/** The files `changeset version` reads and writes (relative to the repo root): package.json files, changelogs, .changeset/. */
function releaseFiles() {
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = ['package.json'];
  for (const dir of rootPkg.workspaces ?? []) {
    if (!existsSync(join(root, dir, 'package.json'))) continue;
    // A changelog is listed even when missing: one appearing in the working tree would be a write too.
    files.push(`${dir}/package.json`, `${dir}/CHANGELOG.md`);
  }
  for (const name of readdirSync(join(root, '.changeset'))) files.push(`.changeset/${name}`);
  return files;
}

/** One hash over the working tree's release files, to prove the dry run left them alone. */
function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort())
    hash.update(`${file}\0`).update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : 'missing');
  return hash.digest('hex');
}

const files = releaseFiles();
const before = fingerprint(files);
let plan = { changesets: [], releases: [] };
let output = '';
try {
  const status = spawnSync(process.execPath, [CHANGESET, 'status', '--output', join(temp, 'plan.json')], {
    cwd: root,
    encoding: 'utf8',
    timeout: HANG_TIMEOUT_MS,
  });
  if (status.status !== 0) throw new Error(`changeset status failed:\n${status.stdout}${status.stderr}`);
  plan = JSON.parse(readFileSync(join(temp, 'plan.json'), 'utf8'));
  for (const changeset of plan.changesets)
    if (!changeset.summary.trim())
      problems.push(`.changeset/${changeset.id}.md has no summary: say what changed for users`);

  const copy = join(temp, 'repo');
  for (const file of files.filter((f) => existsSync(join(root, f)))) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  writeFileSync(join(copy, '.gitignore'), 'node_modules\n');
  // A repository of its own: no GIT_* variable from the caller may point git at the real one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  Object.assign(env, {
    GIT_AUTHOR_NAME: 'changeset dry run',
    GIT_AUTHOR_EMAIL: 'dry-run@example.invalid',
    GIT_COMMITTER_NAME: 'changeset dry run',
    GIT_COMMITTER_EMAIL: 'dry-run@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(temp, '.gitconfig-none'),
  });
  const git = (...args) => execFileSync('git', args, { cwd: copy, env, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'release metadata for the changeset dry run');

  const version = spawnSync(process.execPath, [CHANGESET, 'version'], {
    cwd: copy,
    env,
    encoding: 'utf8',
    timeout: HANG_TIMEOUT_MS,
  });
  output = `${version.stdout ?? ''}${version.stderr ?? ''}`;
  if (version.error || version.status !== 0)
    problems.push(`changeset version failed: ${version.error?.message ?? `exit code ${version.status}`}`);
  else {
    const dirs = new Map(
      files
        .filter((f) => f.endsWith('/package.json'))
        .map((f) => [JSON.parse(readFileSync(join(root, f), 'utf8')).name, dirname(f)]),
    );
    for (const { name, newVersion } of plan.releases.filter((r) => r.type !== 'none')) {
      const changelog = join(copy, dirs.get(name) ?? '.', 'CHANGELOG.md');
      if (!existsSync(changelog) || !readFileSync(changelog, 'utf8').includes(`\n## ${newVersion}\n`))
        problems.push(`${name}: no CHANGELOG.md entry "## ${newVersion}" written`);
    }
  }
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (fingerprint(files) !== before)
  problems.push('the working tree’s release files changed: the dry run must never touch them');

for (const release of plan.releases)
  console.log(`  ${release.name}: ${release.oldVersion} → ${release.newVersion} (${release.type})`);
if (problems.length > 0) {
  if (output.trim()) console.log(output.trim());
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`changeset dry run: failed (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  process.exitCode = 1;
} else {
  console.log(
    `changeset dry run: ${plan.changesets.length} changesets, ${plan.releases.length} packages versioned with CHANGELOG.md entries, working tree untouched`,
  );
}
