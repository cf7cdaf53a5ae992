// Where the demo page keeps its data, and who is signed in: THE HOST'S JOB.
//
// "service": the team's shared service (`links serve --dev-auth`, started by
// `npm start` / `npm run dev` and reached on the page's own origin under
// /api/). The person picks one of the demo users ("Signed in as"); the page
// gets a short-lived token for them from the dev token endpoint and keeps it
// in memory only (never in storage or a URL). What each user sees is what the
// service lets their role see.
//
// "local": this browser only (IndexedDB through the page's <links-provider>),
// for hosts without a service; the page works as it always has.
//
// The choice is kept in localStorage (the choice, never a token); with no
// choice made, the page uses the service when one answers.

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
  readonly user: DemoUser;
  readonly users: readonly DemoUser[];
  /** A JSON request to the service as the signed-in user; a problem answer is thrown as {@link ServiceProblem}. */
  request<T>(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<T>;
  /** A valid bearer token (fetched again shortly before it expires). Kept in memory only. */
  token(): Promise<string>;
}

const MODE_KEY = 'links-approach-demo:data';
const USER_KEY = 'links-approach-demo:user';
/** The user a first visit is signed in as: the Community Links Practitioner at Ash Street. */
const DEFAULT_USER = 'clp-ash';

const api = (path: string) => new URL(`/api/${path.replace(/^\//, '')}`, location.href);

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

/** Whether the demo service answers on this origin. */
async function serviceAnswers(): Promise<boolean> {
  try {
    const response = await fetch(api('health'), { signal: AbortSignal.timeout(15_000) });
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

async function signIn(users: readonly DemoUser[], user: DemoUser): Promise<ServiceSession> {
  let current: { token: string; expiresAt: number } | undefined;
  const token = async (): Promise<string> => {
    if (current && current.expiresAt - Date.now() > 60_000) return current.token;
    const response = await fetch(api('dev/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: user.id }),
    });
    if (!response.ok) throw await problemOf(response);
    const body = (await response.json()) as { token: string; expiresAt: string };
    current = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    return current.token;
  };
  await token();
  return {
    user,
    users,
    token,
    async request<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const response = await fetch(api(path), {
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
    },
  };
}

/** Reads the page's Data and Signed in as choices; wires them (a change reloads the page in the new mode). */
async function start(): Promise<ServiceSession | undefined> {
  const modeSelect = document.querySelector<HTMLSelectElement>('#data-choice');
  const userField = document.querySelector<HTMLElement>('#signed-in-field');
  const userSelect = document.querySelector<HTMLSelectElement>('#signed-in-as');
  const note = document.querySelector('#data-note');
  const say = (text: string) => {
    if (note) note.textContent = text;
  };
  modeSelect?.addEventListener('change', () => {
    localStorage.setItem(MODE_KEY, modeSelect.value);
    location.reload();
  });

  const chosen = chosenMode();
  const available = chosen === 'local' ? false : await serviceAnswers();
  const mode: DataMode = available ? 'service' : 'local';
  if (modeSelect) modeSelect.value = mode;
  document.documentElement.dataset.linksData = mode;
  if (mode === 'local') {
    if (modeSelect) modeSelect.querySelector<HTMLOptionElement>('option[value="service"]')!.disabled = !available && chosen !== 'local';
    say(
      chosen === 'local' || available
        ? 'What you change here is kept in this browser’s IndexedDB only: nothing leaves your computer.'
        : 'No service answers on this page’s address (start the demo with "npm start" for the team’s service), so what you change is kept in this browser’s IndexedDB only.',
    );
    return undefined;
  }

  const { users } = (await (await fetch(api('dev/users'))).json()) as { users: DemoUser[] };
  const wanted = localStorage.getItem(USER_KEY) ?? DEFAULT_USER;
  const user = users.find((u) => u.id === wanted) ?? users[0];
  if (!user) throw new Error('The demo service lists no users.');
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
      localStorage.setItem(USER_KEY, userSelect.value);
      location.reload();
    });
  }
  if (userField) userField.hidden = false;
  say(
    `Signed in to the team’s service as ${user.name}. What you change is saved there, for everyone using this demo, and each role sees only what the service lets it see.`,
  );
  return signIn(users, user);
}

/** The signed-in session when the page uses the service; `undefined` when it keeps data in this browser only. */
export const session: Promise<ServiceSession | undefined> = start().catch((error: unknown) => {
  const note = document.querySelector('#data-note');
  if (note)
    note.textContent = `The service could not be reached (${error instanceof Error ? error.message : String(error)}); the page keeps data in this browser only.`;
  return undefined;
});
