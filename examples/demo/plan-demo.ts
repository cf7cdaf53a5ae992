// The business plan section of the demo page: the sample plan is loaded into
// IndexedDB on the first visit, and the plan editor takes its store from the
// page's <links-provider> (every change is saved as a new revision), so edits
// stay across reloads. Open the page in two tabs to see what happens when two
// people edit at once.
import '@links-approach/components';
import { deleteIdbStore } from '@links-approach/components/idb-store.js';
import { summariseRevisions } from '@links-approach/core/plan';
import { planCodec } from '@links-approach/core/store';
import { demoProvider, demoStore } from './host.js';
import { seedPlan } from './seed.js';

const section = document.querySelector<HTMLElement>('#business-plan');
const editor = section?.querySelector('links-plan-editor');
const history = section?.querySelector<HTMLOListElement>('#plan-history');
const note = section?.querySelector<HTMLElement>('#plan-note');
const reset = section?.querySelector<HTMLButtonElement>('#plan-reset');

async function main(): Promise<void> {
  if (!editor) return;
  const store = demoStore(planCodec());
  const planId = await seedPlan();

  const showHistory = async () => {
    if (!history) return;
    const revisions = summariseRevisions(await store.history(planId)).reverse();
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
  store.subscribe(() => void showHistory());
  await showHistory();

  // No `.store` here: the editor takes the provider's.
  editor.planId = planId;

  // The framework overview at the top opens a capacity here.
  document.querySelector('links-framework-overview')?.addEventListener('links-capacity-select', (event) => {
    editor.view = event.detail.capacity.id;
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  });

  reset?.addEventListener('click', async () => {
    (store as { close?: () => void }).close?.();
    await deleteIdbStore(`${demoProvider().databasePrefix}${planCodec().kind}`);
    location.reload();
  });
  if (note) note.textContent = 'Saved in this browser only (IndexedDB). Nothing leaves your computer.';
}

/** Resolves when the section is ready (the demo page's walkthrough test waits for it). */
export const ready = main().catch((error: unknown) => {
  if (note)
    note.textContent = `The plan could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
});
