// The business plan section of the demo page. The plan editor takes its
// store from the page's <links-provider> (no `.store` here): in this browser
// only, the sample plan is loaded into IndexedDB on the first visit; on the
// team's service, it is the signed-in user's practice's plan there (only a
// practice manager may change it: the service says so to anyone else). Every
// change is saved as a new revision, so edits stay across reloads. Open the
// page in two tabs to see what happens when two people edit at once.
import '@links-approach/components/plan-editor.js';
import { deleteIdbStore } from '@links-approach/components/idb-store.js';
import { summariseRevisions, type Plan } from '@links-approach/core/plan';
import { planCodec, type DocumentStore } from '@links-approach/core/store';
import { demoProvider } from './host.js';
import { choosePlan } from './seed.js';
import { session, whileSignedIn, type ServiceSession } from './service.js';

const section = document.querySelector<HTMLElement>('#business-plan');
const editor = section?.querySelector('links-plan-editor');
const history = section?.querySelector<HTMLOListElement>('#plan-history');
const note = section?.querySelector<HTMLElement>('#plan-note');
const reset = section?.querySelector<HTMLButtonElement>('#plan-reset');

let stopHistory: (() => void) | undefined;

async function showPlan(service: ServiceSession | undefined): Promise<void> {
  if (!editor) return;
  stopHistory?.();
  const { store, planId, reason } = await choosePlan(service);
  editor.hidden = planId === undefined;
  if (history) history.replaceChildren();
  if (!planId) {
    if (note) note.textContent = reason ?? '';
    return;
  }
  const showHistory = async (from: DocumentStore<Plan>) => {
    if (!history) return;
    const revisions = summariseRevisions(await from.history(planId)).reverse();
    history.replaceChildren(
      ...revisions.slice(0, 10).map((r) => {
        const item = document.createElement('li');
        item.textContent = `Revision ${r.revision}: ${new Date(r.savedAt).toLocaleString('en-GB')} by ${r.savedBy} (${
          r.status
        })`;
        return item;
      }),
    );
  };
  stopHistory = store.subscribe(() => void showHistory(store).catch(() => undefined));
  await showHistory(store);
  // No `.store` here: the editor takes the provider's.
  editor.planId = planId;
  if (service) editor.author = service.user.id;
  if (note)
    note.textContent = service
      ? `Kept on the team’s service (plan ${planId}), signed in as ${service.user.name}: only a practice manager may change it.`
      : 'Saved in this browser only (IndexedDB). Nothing leaves your computer.';
}

async function main(): Promise<void> {
  if (!editor) return;
  const service = await session;
  // The framework overview at the top opens a capacity here (main.ts sets the editor's `view`).
  if (service) {
    if (reset) reset.hidden = true;
    await whileSignedIn(service, () => showPlan(service));
    return;
  }
  await showPlan(undefined);
  reset?.addEventListener('click', async () => {
    const store = demoProvider().storeFor(planCodec()) as { close?: () => void } | undefined;
    store?.close?.();
    await deleteIdbStore(`${demoProvider().databasePrefix}${planCodec().kind}`);
    location.reload();
  });
}

/** Resolves when the section is ready (the demo page's walkthrough test waits for it). */
export const ready = main().catch((error: unknown) => {
  if (note)
    note.textContent = `The plan could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
});
