// Test support for the elements on a real Links service (started by the test runner's links-test-service plugin:
// `links serve --dev-auth` on PGlite, see scripts/test-service-plugin.mjs): the service's address, demo users'
// tokens, a seeded plan, and a plan editor inside a <links-provider service-url>. Shared by the provider's and the
// plan editor's service tests. Not part of the package's API (test-*.ts files are not published).
import { fixture, html, waitUntil } from '@open-wc/testing';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { createHttpPlanStore, createServiceClient } from '@links-approach/core/service';
import '../plan-editor/plan-editor.js';
import '../provider/provider.js';
import type { LinksProvider } from '../provider/provider.js';
import type { LinksPlanEditor } from '../plan-editor/plan-editor.js';

export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const ASH = { id: 'practice-ash', name: 'Ash Street Medical Practice', cohort: 'programme', listSize: 6200 };
/** Ids unique to this run, so reruns against one service never collide. */
export const RUN = Math.random().toString(36).slice(2, 8);

let serviceUrl: string | undefined;
/** The service's address (the first call starts it). */
export async function service(): Promise<string> {
  serviceUrl ??= ((await (await fetch('/__links-service')).json()) as { url: string }).url;
  return serviceUrl;
}

/** A `before` hook: starts the service once for the suite. */
export async function startService(this: { timeout(ms: number): unknown }): Promise<void> {
  // The first start of a service on a new PGlite folder takes seconds (more on a busy machine): a bound on hangs, not a timing check.
  this.timeout(300_000);
  await service();
}

/** A `--dev-auth` token for a demo user (the host page's sign-in, in a real page). */
export async function tokenFor(user: string): Promise<string> {
  const response = await fetch(`${await service()}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** The service's plans, as a demo user sees them. */
export async function plansAs(user: string) {
  return createHttpPlanStore(createServiceClient({ baseUrl: await service(), getToken: () => tokenFor(user) }));
}

/** Saves the sample plan under `id` for Ash Street (revision 1). */
export async function seedPlan(id: string): Promise<Plan> {
  const parsed = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!parsed.ok) throw new Error('sample plan is invalid');
  const saved = await (
    await plansAs('pm-ash')
  ).save({ ...parsed.value, id, practice: ASH } as Plan, { expectedRevision: 0, author: 'pm-ash' });
  if (!saved.ok) throw new Error(`could not seed the plan: ${JSON.stringify(saved.errors)}`);
  return saved.value;
}

/** A plan editor on the service, signed in as `user`, once its plan has loaded (or failed to). */
export async function editorOnService(
  user: string,
  planId: string,
): Promise<{ provider: LinksProvider; editor: LinksPlanEditor }> {
  const url = await service();
  const getToken = () => tokenFor(user);
  const provider = await fixture<LinksProvider>(
    html`<links-provider service-url=${url} .getToken=${getToken}
      ><links-plan-editor plan-id=${planId} view="awareness" author=${user}></links-plan-editor
    ></links-provider>`,
  );
  const editor = provider.querySelector('links-plan-editor')!;
  await waitUntil(
    () => editor.saveState === 'saved' || editor.saveState === 'missing' || editor.saveState === 'error',
    'the plan loaded',
    { timeout: 10_000 },
  );
  return { provider, editor };
}

/** Adds an aim through the editor's own form, as a user would. */
export function addAim(editor: LinksPlanEditor, statement: string): void {
  const form = [...editor.shadowRoot!.querySelectorAll<HTMLFormElement>('form.add-form')].find(
    (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
  )!;
  form.closest('details')!.open = true;
  form.querySelector<HTMLTextAreaElement | HTMLInputElement>('[name="statement"]')!.value = statement;
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

/** The statements of a plan's aims under Awareness. */
export const aims = (plan: Plan | undefined) => plan?.capacities['awareness']?.aims.map((a) => a.statement) ?? [];
