// The community resources section of the demo page: the resource finder and
// the community network register.
//
// SETTINGS (see docs/core/resources.md):
// - By default the finder works offline, against the bundled synthetic data in
//   examples/data/aliss-fixture.json (shaped like an ALISS v4 search page).
// - The live ALISS API is one setting away: open the page with `?directory=aliss`
//   (or change DEFAULT_DIRECTORY below to 'aliss'). Searches then go to
//   https://www.aliss.org/api/v4/ and need a postcode.
// - `?directory=aliss&aliss-base-url=URL` points at another ALISS v4-compatible
//   address, e.g. the local fixture server (`node scripts/fixture-server.mjs`):
//   http://127.0.0.1:8787/api/v4/ , or a failure mode such as
//   http://127.0.0.1:8787/mode/500/api/v4/ to see the error state.
import '@links-approach/components/resource-finder.js';
import '@links-approach/components/network-register.js';
import {
  addRelationship,
  createNetworkRegister,
  recordContact,
  setAlissListing,
  validateNetworkRegister,
  type NetworkRegister,
  type RegisterResult,
} from '@links-approach/core/network';
import { payloadCodec, type StoreCodec, type StoredDocument } from '@links-approach/core/store';
import {
  createAlissDirectory,
  createCachedDirectory,
  createMemoryDirectory,
  parseAlissSearchPage,
  type Directory,
} from '@links-approach/core/resources';
import { demoStore } from './host.js';
import { isRefusal, ServiceProblem, session, whileSignedIn, type ServiceSession } from './service.js';

/** 'offline' (bundled synthetic data) or 'aliss' (the live API). */
const DEFAULT_DIRECTORY: 'offline' | 'aliss' = 'offline';

const params = new URLSearchParams(location.search);
const choice =
  params.get('directory') === 'aliss' ? 'aliss' : params.get('directory') === 'offline' ? 'offline' : DEFAULT_DIRECTORY;

async function offlineDirectory(): Promise<Directory> {
  const response = await fetch(new URL('../data/aliss-fixture.json', import.meta.url));
  const page = parseAlissSearchPage(await response.json());
  if (!page.ok) throw new Error(`The bundled fixture is not valid: ${page.errors[0]?.path} ${page.errors[0]?.message}`);
  const directory = createMemoryDirectory({ source: page.value.source, resources: page.value.resources });
  if (!directory.ok) throw new Error('The bundled fixture could not be loaded.');
  return directory.value;
}

function liveDirectory(): Directory {
  const baseUrl = params.get('aliss-base-url') ?? undefined;
  // A cache so going back to an earlier search does not ask ALISS again.
  return createCachedDirectory(createAlissDirectory(baseUrl ? { baseUrl } : {}), { ttlMs: 5 * 60_000, maxEntries: 30 });
}

const finder = document.querySelector('links-resource-finder');
const choiceStatus = document.querySelector('#resource-choice');
const sourceNote = document.querySelector('#resource-source');

if (finder) {
  finder.directory = choice === 'aliss' ? liveDirectory() : await offlineDirectory();
  if (sourceNote) {
    sourceNote.textContent =
      choice === 'aliss'
        ? `Searching the live ALISS directory${
            params.get('aliss-base-url') ? ` at ${params.get('aliss-base-url')}` : ''
          }.`
        : 'Searching bundled demonstration data (offline). Add ?directory=aliss to the address to search the live ALISS directory.';
  }
  finder.addEventListener('links-resource-select', (event) => {
    const { resource } = event.detail;
    if (choiceStatus) {
      choiceStatus.textContent = `You chose ${resource.name} (${resource.provenance.sourceName} id ${resource.provenance.sourceId}). A referral would link this resource.`;
    }
  });
}

// A small, fictional network register for the practice.
function sampleRegister(practiceId: string): NetworkRegister {
  const steps: ((r: NetworkRegister) => RegisterResult)[] = [
    (r) =>
      addRelationship(
        r,
        {
          organisation: { name: 'Brightwater Community Trust' },
          contactRole: 'volunteer coordinator',
          alissListing: 'listed',
        },
        { on: '2025-09-01', by: 'CLP' },
      ),
    (r) => recordContact(r, 'rel-1', 'visit', { on: '2026-10-14', by: 'CLP', note: 'Joined the Thursday walk' }),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Eastfield Green Men’s Shed' }, contactRole: 'chair', contactLabel: 'Tuesday lead' },
        { on: '2025-11-03', by: 'CLP' },
      ),
    (r) => recordContact(r, 'rel-2', 'contact', { on: '2026-02-20', by: 'CLP' }),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Kelvinbrook Song Circle' }, contactRole: 'organiser' },
        { on: '2026-03-10', by: 'CLP' },
      ),
    (r) =>
      setAlissListing(r, 'rel-3', 'helped-to-list', {
        on: '2026-04-02',
        by: 'CLP',
        note: 'Helped write their first listing',
      }),
    (r) => recordContact(r, 'rel-3', 'visit', { on: '2026-09-22', by: 'CLP' }),
  ];
  let register = createNetworkRegister(practiceId);
  for (const step of steps) {
    const result = step(register);
    if (result.ok) register = result.value;
  }
  return register;
}

/** The practice's register as the host keeps it in this browser: one revisioned document in the provider's store (IndexedDB). */
interface RegisterRecord extends StoredDocument {
  readonly register: NetworkRegister;
}

const registerCodec: StoreCodec<RegisterRecord> = payloadCodec(
  'links-demo.network-register',
  'register',
  validateNetworkRegister,
);

/** A practice's register as the service keeps it (kind `links.network-register`): one per practice, its id the practice id. */
interface ServiceRegister extends StoredDocument {
  readonly practiceId: string;
  readonly document: NetworkRegister;
}

const serviceRegisterCodec: StoreCodec<ServiceRegister> = {
  kind: 'links.network-register',
  validate: (input) => ({ ok: true, value: input as ServiceRegister }),
};

const REGISTER_ID = 'springburn-hc';
const registerElement = document.querySelector('links-network-register');
const networkStatus = document.querySelector('#network-change');

function say(text: string): void {
  if (networkStatus) networkStatus.textContent = text;
}

/** What the element's changes are saved with: set for the register shown now (replaced when the user changes). */
let saveChange: ((register: NetworkRegister, change: string) => Promise<void>) | undefined;

registerElement?.addEventListener('links-network-change', (event) => {
  // The element already shows the new register; the host saves it.
  void saveChange?.(event.detail.register, event.detail.change);
});

async function startLocalRegister(): Promise<void> {
  if (!registerElement) return;
  const store = demoStore(registerCodec);
  let record = await store.get(REGISTER_ID);
  if (!record) {
    const seeded = await store.save(
      { id: REGISTER_ID, revision: 0, savedAt: '', savedBy: '', register: sampleRegister('springburn-hc') },
      { expectedRevision: 0, author: 'Demo data' },
    );
    record = seeded.ok ? seeded.value : await store.get(REGISTER_ID);
  }
  if (!record) throw new Error('The network register could not be stored.');
  let revision = record.revision;
  registerElement.register = record.register;
  saveChange = async (register, change) => {
    const saved = await store.save(
      { id: REGISTER_ID, revision, savedAt: '', savedBy: '', register },
      { expectedRevision: revision, author: 'CLP' },
    );
    if (saved.ok) revision = saved.value.revision;
    say(
      saved.ok
        ? `Register updated (${change}) and saved in this browser.`
        : `Register updated (${change}) but not saved: ${saved.errors[0]?.message}. Reload to see the stored register.`,
    );
  };
}

/** On the service: the signed-in user's practice's register, through the provider (seeded there by its CLP or manager if it has none). */
async function showServiceRegister(service: ServiceSession): Promise<void> {
  if (!registerElement) return;
  saveChange = undefined;
  const { user } = service;
  const practiceId = user.practices[0];
  const store = demoStore(serviceRegisterCodec);
  let record: ServiceRegister | undefined;
  try {
    if (!practiceId) throw new ServiceProblem(403, `${user.name} works at no practice, so has no network register.`);
    record = await store.get(practiceId);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    registerElement.hidden = true;
    say(`Signed in as ${user.name}, the service shows no network register: ${(error as Error).message}`);
    return;
  }
  registerElement.hidden = false;
  if (!record && (user.role === 'clp' || user.role === 'practice-manager')) {
    const seeded = await store.save(
      {
        id: practiceId!,
        practiceId: practiceId!,
        revision: 0,
        savedAt: '',
        savedBy: '',
        document: sampleRegister(practiceId!),
      },
      { expectedRevision: 0, author: user.id },
    );
    record = seeded.ok ? seeded.value : await store.get(practiceId!);
  }
  let revision = record?.revision ?? 0;
  registerElement.register = record?.document ?? createNetworkRegister(practiceId!);
  say(
    `The network register of ${service.practices.find((p) => p.id === practiceId)?.name ?? practiceId} on the team’s service.`,
  );
  saveChange = async (register, change) => {
    const saved = await store.save(
      { id: practiceId!, practiceId: practiceId!, revision, savedAt: '', savedBy: '', document: register },
      { expectedRevision: revision, author: user.id },
    );
    if (saved.ok) revision = saved.value.revision;
    say(
      saved.ok
        ? `Register updated (${change}) and saved at the team’s service (revision ${revision}).`
        : `Register updated (${change}) but not saved: ${saved.errors[0]?.message}`,
    );
  };
}

async function startRegister(): Promise<void> {
  const service = await session;
  if (service) await whileSignedIn(service, () => showServiceRegister(service));
  else await startLocalRegister();
}

/** Resolves when the section is ready (the demo page's walkthrough test waits for it). */
export const ready = startRegister().catch((error: unknown) => {
  say(`The network register could not load: ${error instanceof Error ? error.message : String(error)}`);
});
