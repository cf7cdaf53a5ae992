// The service behind the team demo (`npm start`, `npm run dev`): `links serve
// --dev-auth` on PGlite in a data folder, seeded on first start with demo data
// for the demo practices through the service's own repository (so every event
// passes core's workflow and the practice boundaries, as it would over HTTP).
// Run by scripts/demo-stack.mjs as a child process through tsx with the
// workspace's source condition, so nothing needs building first. It prints one
// line of JSON, {"url": "http://127.0.0.1:PORT"}, once it accepts requests.
//
//   node --conditions=@links-approach/source --import tsx scripts/demo-service.ts --data-dir DIR [--port N]
import { startServer, DEMO_PRACTICES, type Actor } from '@links-approach/server';
import { generateDemoData } from '@links-approach/core/demo-data';
import { generateDemoReferrals, type ReferralEvent } from '@links-approach/core/referral';
import type { Plan } from '@links-approach/core/plan';
import type { Repository } from '@links-approach/server';
import { PLANS } from '../packages/server/src/documents.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at !== -1 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

/** The practices that get referrals (the two programme practices; the third, a comparison practice, gets a plan only). */
const REFERRAL_PRACTICES = DEMO_PRACTICES.filter((p) => p.cohort === 'programme');
const CLP_OF: Record<string, string> = { 'practice-ash': 'clp-ash', 'practice-birch': 'clp-birch' };
const ADMIN: Actor = { id: 'demo-seed', role: 'administrator', practices: [] };

/** Seeds an empty database: each practice's business plan, then about 40 referrals per programme practice. */
async function seed(repository: Repository): Promise<{ referrals: number; events: number } | undefined> {
  const existing = await repository.listDocuments(ADMIN, PLANS);
  if (existing.length > 0) return undefined;

  // Plans: core's demo-data generator makes practices of both cohorts; each demo practice takes the latest
  // revision of a generated practice of the same cohort, under its own id and name.
  const generated = generateDemoData({ practices: 6, seed: 15 });
  const latest = new Map<string, Plan>();
  for (const plan of generated.plans) latest.set(plan.practice.id, plan);
  const used = new Set<string>();
  for (const practice of DEMO_PRACTICES) {
    const source = generated.practices.find((p) => p.cohort === practice.cohort && !used.has(p.id));
    const plan = source && latest.get(source.id);
    if (!source || !plan) continue;
    used.add(source.id);
    const own: Plan = {
      ...plan,
      id: `plan-${practice.id}`,
      revision: 0,
      practice: {
        ...plan.practice,
        id: practice.id,
        name: practice.name,
        listSize: practice.listSize,
        cohort: practice.cohort,
      },
    };
    // Saved as the practice's manager: the role that writes business plans.
    await repository.saveDocument(
      { id: 'demo-seed', role: 'practice-manager', practices: [practice.id] },
      PLANS,
      own,
      0,
    );
  }

  // Referrals: core's referral generator, "today" being now, every event appended by its own actor.
  const document = generateDemoReferrals({
    practices: REFERRAL_PRACTICES.map((p) => ({
      id: p.id,
      name: p.name,
      listSize: p.listSize,
      clpId: CLP_OF[p.id] ?? `clp-${p.id}`,
    })),
    seed: 2025,
    asOf: new Date().toISOString(),
    referralsPerPractice: 40,
  });
  const practiceOf = new Map<string, string>();
  const versions = new Map<string, number>();
  let events = 0;
  for (const event of document.events as readonly ReferralEvent[]) {
    if (event.type === 'created') practiceOf.set(event.referralId, event.practiceId);
    const practice = practiceOf.get(event.referralId);
    // Events the toolkit records on its own (role "system") have no signed-in author to append them as.
    if (!practice || event.actor.role === 'system') continue;
    const actor: Actor = { id: event.actor.id, role: event.actor.role, practices: [practice] };
    const { actor: _dropped, ...withoutActor } = event;
    const version = versions.get(event.referralId) ?? 0;
    try {
      await repository.appendReferralEvent(actor, {
        referralId: event.referralId,
        event: withoutActor as Record<string, unknown>,
        expectedVersion: version,
        idempotencyKey: `demo-seed:${event.referralId}:${version}`,
      });
      versions.set(event.referralId, version + 1);
      events++;
    } catch (error) {
      // A refused event (never expected: the generator's events are accepted by the workflow) is skipped, said once.
      console.error(`demo seed: ${event.referralId} ${event.type} was refused: ${(error as Error).message}`);
    }
  }
  return { referrals: versions.size, events };
}

const dataDir = option('--data-dir', '.links-demo/data');
const port = Number(option('--port', '0'));
const allowOrigins = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--allow-origin' ? [arg] : []));
const server = await startServer({
  host: '127.0.0.1',
  port,
  devAuth: true,
  database: { dataDir },
  allowOrigins,
  logger: false,
});
const seeded = await seed(server.service.repository);
if (seeded)
  console.error(
    `demo seed: ${seeded.referrals} referrals (${seeded.events} events) and plans for ${DEMO_PRACTICES.length} practices`,
  );
// The one line the parent reads: where the service listens.
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// The parent (npm start) went away without a signal: stop too.
process.stdin.on('end', stop);
process.stdin.resume();
