// Where the demo page keeps its data, and who is signed in: THE HOST'S JOB.
//
// "service": the team's shared service (`links serve --dev-auth`, started by
// `npm start` / `npm run dev` and reached on the page's own origin under
// /api/). The page's <links-provider> gets the service's address
// (`service-url`) and the host's token callback (`getToken`): from then on
// every section's elements load and save through the provider, on the
// service (plans, the network register, outcome responses, referrals), and
// hear of colleagues' changes through its live feed. The person picks one of
// the demo users ("Signed in as"); the page gets a short-lived token for them
// from the dev token endpoint (POST /api/dev/token) and keeps it in memory
// only (never in storage or a URL). Choosing another user gives the provider
// the new user's token callback and a new change feed: every element loads
// again as that user, and sees only what the service lets that role see.
//
// "local": this browser only (IndexedDB through the same <links-provider>,
// without `service-url`), for hosts without a service; the page works as it
// always has.
//
// The choice is kept in localStorage (the choice, never a token); with no
// choice made, the page uses the service when one answers. The service's
// address is the page's own origin unless the provider names another in
// `data-demo-service` (the demo's browser tests point it at a test service).
import type { ChangeFeed } from '@links-approach/core/service';
import { demoProvider } from './host.js';

/** Where the page's data lives. */
export type DataMode = 'service' | 'local';

/** A demo user, as `GET /api/dev/users` lists them. */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly practices: readonly string[];
}

/** A practice, as `GET /api/practices` lists them. */
export interface ServicePractice {
  readonly id: string;
  readonly name: string;
  readonly listSize?: number;
  readonly cohort?: string;
}

/** An RFC 9457 problem from the service, as a thrown error whose message is the service's own words. */
export class ServiceProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The signed-in session with the service. */
export interface ServiceSession {
  /** The service's address (no trailing `/`, no `/api`). */
  readonly baseUrl: string;
  /** The user signed in now (changes with {@link ServiceSession.signInAs}). */
  readonly user: DemoUser;
  readonly users: readonly DemoUser[];
  /** Every practice the service knows (names for the elements' practice filters). */
  readonly practices: readonly ServicePractice[];
  /** A JSON request to the service as the signed-in user; a problem answer is thrown as {@link ServiceProblem}. */
  request<T>(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<T>;
  /** A valid bearer token for the signed-in user (fetched again shortly before it expires). Kept in memory only. */
  token(): Promise<string>;
  /** Signs in as another demo user: the provider gets their token callback and a new feed; listeners are told. */
  signInAs(userId: string): Promise<void>;
  /** Calls `listener` after each change of user (not for the first user). Returns the function that stops it. */
  onSignIn(listener: (user: DemoUser) => void): () => void;
}

const MODE_KEY = 'links-approach-demo:data';
const USER_KEY = 'links-approach-demo:user';
/** The user a first visit is signed in as: the Community Links Practitioner at Ash Street. */
const DEFAULT_USER = 'clp-ash';

/** The service's address: the provider's `data-demo-service`, else this page's origin. */
function serviceAddress(): string {
  const named = document.querySelector('links-provider')?.getAttribute('data-demo-service') || '/';
  return new URL(named, location.href).href.replace(/\/+$/, '');
}

async function problemOf(response: Response): Promise<ServiceProblem> {
  let message = `The service answered ${response.status}.`;
  try {
    const body = (await response.json()) as { errors?: { message?: string }[]; title?: string };
    message = body.errors?.[0]?.message ?? body.title ?? message;
  } catch {
    // not JSON: keep the status line
  }
  return new ServiceProblem(response.status, message);
}

/** Whether the demo service answers at `base`. */
async function serviceAnswers(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

/** The mode the person chose, or undefined when they have not chosen. */
export function chosenMode(): DataMode | undefined {
  const saved = localStorage.getItem(MODE_KEY);
  return saved === 'service' || saved === 'local' ? saved : undefined;
}

/** A token callback for one demo user: the dev token endpoint, the token cached in memory until a minute before it expires. */
function tokenFor(base: string, user: DemoUser): () => Promise<string> {
  let current: { token: string; expiresAt: number } | undefined;
  let asking: Promise<string> | undefined;
  return async () => {
    if (current && current.expiresAt - Date.now() > 60_000) return current.token;
    asking ??= (async () => {
      try {
        const response = await fetch(`${base}/api/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: user.id }),
        });
        if (!response.ok) throw await problemOf(response);
        const body = (await response.json()) as { token: string; expiresAt: string };
        current = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
        return current.token;
      } finally {
        asking = undefined;
      }
    })();
    return asking;
  };
}

const say = (text: string) => {
  const note = document.querySelector('#data-note');
  if (note) note.textContent = text;
};

const signedInNote = (user: DemoUser) =>
  `Signed in to the team’s service as ${user.name}. What you change is saved there, for everyone using this demo, and each role sees only what the service lets it see.`;

async function connect(base: string, users: readonly DemoUser[], first: DemoUser): Promise<ServiceSession> {
  const provider = demoProvider();
  const { createChangeFeed } = await import('@links-approach/core/service');
  const listeners = new Set<(user: DemoUser) => void>();
  let user = first;
  let token = tokenFor(base, user);
  let feed: (ChangeFeed & { close?: () => void }) | undefined;

  /** The provider: the service's address, the user's token callback, and a feed of its own for this user. */
  const wire = () => {
    const getToken = token;
    provider.getToken = getToken;
    feed?.close?.();
    feed = createChangeFeed({ baseUrl: base, getToken });
    provider.changeFeed = feed;
    provider.serviceUrl = base;
  };

  await token();
  const request = async <T>(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${base}/api/${path.replace(/^\//, '')}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${await token()}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  };
  const { practices } = await request<{ practices: ServicePractice[] }>('practices');
  wire();
  return {
    baseUrl: base,
    get user() {
      return user;
    },
    users,
    practices,
    request,
    token: () => token(),
    async signInAs(userId) {
      const next = users.find((u) => u.id === userId);
      if (!next || next.id === user.id) return;
      const nextToken = tokenFor(base, next);
      await nextToken();
      user = next;
      token = nextToken;
      localStorage.setItem(USER_KEY, user.id);
      wire();
      say(signedInNote(user));
      for (const listener of [...listeners]) listener(user);
    },
    onSignIn(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** "Signed in as" keeps its place (invisible) until the page knows, so the first screen does not move. */
function showUserField(shown: boolean): void {
  const field = document.querySelector<HTMLElement>('#signed-in-field');
  if (!field) return;
  delete field.dataset['pending'];
  field.hidden = !shown;
}

/** Reads the page's Data and Signed in as choices; wires them (a change of Data reloads the page in the new mode). */
async function start(): Promise<ServiceSession | undefined> {
  const modeSelect = document.querySelector<HTMLSelectElement>('#data-choice');
  const userSelect = document.querySelector<HTMLSelectElement>('#signed-in-as');
  modeSelect?.addEventListener('change', () => {
    localStorage.setItem(MODE_KEY, modeSelect.value);
    location.reload();
  });

  const base = serviceAddress();
  const chosen = chosenMode();
  const available = chosen === 'local' ? false : await serviceAnswers(base);
  const mode: DataMode = available ? 'service' : 'local';
  if (modeSelect) modeSelect.value = mode;
  document.documentElement.dataset['linksData'] = mode;
  if (mode === 'local') {
    showUserField(false);
    const serviceOption = modeSelect?.querySelector<HTMLOptionElement>('option[value="service"]');
    if (serviceOption) serviceOption.disabled = !available && chosen !== 'local';
    say(
      chosen === 'local' || available
        ? 'What you change here is kept in this browser’s IndexedDB only: nothing leaves your computer.'
        : 'No service answers on this page’s address (start the demo with "npm start" for the team’s service), so what you change is kept in this browser’s IndexedDB only.',
    );
    return undefined;
  }

  const { users } = (await (await fetch(`${base}/api/dev/users`)).json()) as { users: DemoUser[] };
  const wanted = localStorage.getItem(USER_KEY) ?? DEFAULT_USER;
  const user = users.find((u) => u.id === wanted) ?? users[0];
  if (!user) throw new Error('The demo service lists no users.');
  const session = await connect(base, users, user);
  if (userSelect) {
    userSelect.replaceChildren(
      ...users.map((u) => {
        const option = document.createElement('option');
        option.value = u.id;
        option.textContent = u.name; // text only: the service's words are never markup
        return option;
      }),
    );
    userSelect.value = user.id;
    userSelect.addEventListener('change', () => {
      say(`Signing in as ${users.find((u) => u.id === userSelect.value)?.name ?? userSelect.value} …`);
      session.signInAs(userSelect.value).catch((error: unknown) => {
        say(`Could not sign in: ${error instanceof Error ? error.message : String(error)}`);
        userSelect.value = session.user.id;
      });
    });
  }
  showUserField(true);
  say(signedInNote(user));
  return session;
}

/** The signed-in session when the page uses the service; `undefined` when it keeps data in this browser only. */
export const session: Promise<ServiceSession | undefined> = start().catch((error: unknown) => {
  showUserField(false);
  say(
    `The service could not be reached (${error instanceof Error ? error.message : String(error)}); the page keeps data in this browser only.`,
  );
  return undefined;
});

/** Calls `apply` with the signed-in user now and after each change of user (service mode only). */
export function whileSignedIn(service: ServiceSession, apply: (user: DemoUser) => Promise<void> | void): Promise<void> {
  service.onSignIn((user) => void Promise.resolve(apply(user)).catch((error: unknown) => console.error(error)));
  return Promise.resolve(apply(service.user));
}

/** Whether an error is the service saying this user may not (403) or is not signed in (401). */
export function isRefusal(error: unknown): boolean {
  const status =
    error instanceof ServiceProblem
      ? error.status
      : (error as { problem?: { status?: number } } | null)?.problem?.status;
  return status === 403 || status === 401;
}
