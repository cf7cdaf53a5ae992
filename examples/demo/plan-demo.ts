// The business plan section of the demo page: the sample plan is loaded into
// IndexedDB on the first visit, the plan editor is bound to that store
// (every change is saved as a new revision), and edits stay across reloads.
// Open the page in two tabs to see what happens when two people edit at once.
import '@links-approach/components';
import { createIdbPlanStore, deleteIdbStore } from '@links-approach/components/idb-store.js';
import { parsePlanDocument, summariseRevisions, type Plan } from '@links-approach/core';

const DATABASE = 'links-approach-demo:links.plan';
const section = document.querySelector<HTMLElement>('#business-plan');
const editor = section?.querySelector('links-plan-editor');
const history = section?.querySelector<HTMLOListElement>('#plan-history');
const note = section?.querySelector<HTMLElement>('#plan-note');
const reset = section?.querySelector<HTMLButtonElement>('#plan-reset');

async function loadSamplePlan(): Promise<Plan> {
  const response = await fetch(new URL('../data/sample-plan.json', import.meta.url));
  const result = parsePlanDocument(await response.json());
  if (!result.ok)
    throw new Error(`The sample plan is not valid: ${result.errors[0]?.path} ${result.errors[0]?.message}`);
  return result.value;
}

async function main(): Promise<void> {
  if (!editor) return;
  const store = createIdbPlanStore({ databaseName: DATABASE });
  const sample = await loadSamplePlan();
  if (!(await store.get(sample.id))) {
    const seeded = await store.save(sample, { expectedRevision: 0, author: 'Demo data' });
    if (!seeded.ok) throw new Error(seeded.errors.map((e) => e.message).join('; '));
  }

  const showHistory = async () => {
    if (!history) return;
    const revisions = summariseRevisions(await store.history(sample.id)).reverse();
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

  editor.store = store;
  editor.planId = sample.id;

  // The framework overview at the top opens a capacity here.
  document.querySelector('links-framework-overview')?.addEventListener('links-capacity-select', (event) => {
    editor.view = event.detail.capacity.id;
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  });

  reset?.addEventListener('click', async () => {
    store.close();
    await deleteIdbStore(DATABASE);
    location.reload();
  });
  if (note) note.textContent = 'Saved in this browser only (IndexedDB). Nothing leaves your computer.';
}

main().catch((error: unknown) => {
  if (note)
    note.textContent = `The plan could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
});
