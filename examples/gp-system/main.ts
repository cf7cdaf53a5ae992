// A GP system's patient page, connected to the shared Links service: THE
// HOST'S CODE. A GP system with a bundler imports only the elements it shows;
// the provider is given the service's address and the host's token callback
// (`getToken`) once, and the referral elements inside it need nothing else.
//
// The service's address and the signed-in user come from the GP system; here
// `?service=URL` (default: this page's origin, as `npm start` serves it) and
// `?user=ID` (default: the demo GP at Ash Street) stand in for them, and the
// token comes from the dev token endpoint of `links serve --dev-auth`. A real
// GP system returns its own sign-in's access token (e.g. MSAL's
// acquireTokenSilent for Entra ID); the toolkit never stores it or puts it
// in a URL.
import '@links-approach/components/provider.js';
import '@links-approach/components/referral-form.js';
import '@links-approach/components/referral-detail.js';

/** The patient open in the GP system: a pseudonymous reference (never a name or a CHI number). */
const PATIENT = 'pt-ash-4c2e';
/** The GP system's own patient index (here: one made-up patient). */
const PATIENT_NAMES: Record<string, string> = { [PATIENT]: 'Morven Example' };
/** The practice's Community Links Practitioner (the GP system knows its practice's staff). */
const CLP = 'clp-ash';

const params = new URLSearchParams(location.search);
const serviceUrl = new URL(params.get('service') ?? '/', location.href).href.replace(/\/+$/, '');
const userId = params.get('user') ?? 'gp-ash';

const provider = document.querySelector('links-provider')!;
const form = document.querySelector('links-referral-form')!;
const detail = document.querySelector('links-referral-detail')!;
const say = (selector: string, text: string) => {
  const el = document.querySelector(selector);
  if (el) el.textContent = text;
};

/** The GP system's sign-in, standing in: a token for `user` from the dev token endpoint, kept in memory until near expiry. */
function signIn(user: string): () => Promise<string> {
  let current: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (current && current.expiresAt - Date.now() > 60_000) return current.token;
    const answer = await fetch(`${serviceUrl}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    if (!answer.ok) throw new Error(`sign-in failed (${answer.status})`);
    const body = (await answer.json()) as { token: string; expiresAt: string };
    current = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    return current.token;
  };
}

/** Shows a referral in the connected detail: it loads it from the provider's referral store. */
function showReferral(id: string): void {
  detail.referralId = id;
  detail.hidden = false;
  document.querySelector<HTMLElement>('#no-referral')!.hidden = true;
}

async function main(): Promise<void> {
  const users = (
    (await (await fetch(`${serviceUrl}/api/dev/users`)).json()) as {
      users: { id: string; name: string; role: string; practices: string[] }[];
    }
  ).users;
  const user = users.find((u) => u.id === userId);
  if (!user) throw new Error(`no user ${userId} at the service`);
  const practiceId = user.practices[0] ?? '';

  // The one switch: the service's address and the host's token callback.
  provider.getToken = signIn(user.id);
  provider.serviceUrl = serviceUrl;
  // Names come from the GP system only, through its resolver: the toolkit shows them, never stores them.
  provider.personLabel = (ref) => PATIENT_NAMES[ref] ?? ref;

  say('#patient-name', PATIENT_NAMES[PATIENT]!);
  say('#patient-ref', PATIENT);

  form.person = PATIENT;
  form.practiceId = practiceId;
  form.referrerId = user.id;
  form.clpId = CLP;
  form.userPractices = user.practices;
  if (user.role === 'referrer' || user.role === 'clp' || user.role === 'practice-manager') {
    detail.userRole = user.role;
    detail.userId = user.id;
  }

  const stores = await provider.serviceStores();
  if (!stores) throw new Error('the provider is not connected');
  // The form checks the referral with core's rules and fires it; the host stores it through the provider's store.
  form.addEventListener('links-referral-create', async (event) => {
    const { event: created, referral } = event.detail;
    const answer = await stores.referrals.append(created, { expectedVersion: 0, idempotencyKey: created.id });
    if (!answer.ok) {
      say('#refer-status', `Not sent: ${answer.errors[0]?.message ?? 'the service refused it'}`);
      return;
    }
    form.referrals = [...form.referrals, referral];
    showReferral(referral.id);
    say(
      '#refer-status',
      answer.value.queued
        ? `Referral ${referral.id} kept on this device: it is sent when the connection returns.`
        : `Referral ${referral.id} sent to the Community Links Practitioner.`,
    );
  });

  // The patient's referrals at this practice: the form warns of an open one; the latest is shown below it.
  const mine = (await stores.referrals.list({ practice: practiceId })).filter((r) => r.state.person === PATIENT);
  form.referrals = mine.map((r) => r.state);
  const latest = [...mine].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1);
  if (latest) showReferral(latest.id);
  say('#signed-in', `Signed in as ${user.name}.`);
}

/** Resolves when the page is ready (its test waits for it). */
export const ready = main().catch((error: unknown) => {
  say(
    '#signed-in',
    `The Links service could not be reached: ${error instanceof Error ? error.message : String(error)}`,
  );
});
