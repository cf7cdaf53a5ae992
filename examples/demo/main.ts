// The demo page's script: registers the elements the top of the page shows
// (the provider, the framework overview), gives the page's <links-provider>
// the host's person-label resolver, connects it to the team's service or
// keeps it in this browser (service.ts), and wires the theme and language
// choices and the "reset the demo" button.
//
// Each section's demo lives in its own module beside this one and is loaded
// (with the elements it uses) only when the section comes near the screen,
// so the first load of the page runs only what the first screen needs.
import '@links-approach/components/provider.js';
import '@links-approach/components/framework-overview.js';
import { deleteDemoData, demoPersonLabel, demoProvider } from './host.js';
import { session } from './service.js';
import { whenNear, type Deferred } from './lazy.js';

// Names are the host's business: the provider shows what this returns, and
// nothing else in the toolkit ever sees a name.
demoProvider().personLabel = demoPersonLabel;

/** Each section's module, loaded when the section comes near the screen (or when the page needs it sooner). */
const sections: Record<string, Deferred> = Object.fromEntries(
  (
    [
      ['community-resources', () => import('./resources-demo.js')],
      ['business-plan', () => import('./plan-demo.js')],
      ['plan-maturity', () => import('./maturity-demo.js')],
      ['referrals', () => import('./referral-demo.js')],
      ['evaluation', () => import('./evaluation-demo.js')],
    ] as const
  ).map(([id, load]) => [id, whenNear(document.getElementById(id), async () => void (await (await load()).ready))]),
);

const overview = document.querySelector('links-framework-overview');
const status = document.querySelector('#capacity-choice');
overview?.addEventListener('links-capacity-select', (event) => {
  if (status)
    status.textContent = `You chose ${event.detail.capacity.name}. The plan editor below opens that capacity.`;
  // The plan editor opens that capacity (its section is loaded first if it is not yet).
  const capacity = event.detail.capacity.id;
  void sections['business-plan']!.now().then(() => {
    const editor = document.querySelector('links-plan-editor');
    if (editor) editor.view = capacity;
    document.querySelector('#business-plan')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
});

// Themes are switched with CSS alone: a class on <html> that
// packages/components/themes/*.css sets the --links-* tokens for.
const THEME_KEY = 'links-approach-demo:theme';
const THEMES = ['links-theme-sg'];
const themeSelect = document.querySelector<HTMLSelectElement>('#theme-choice');
function applyTheme(theme: string): void {
  document.documentElement.classList.remove(...THEMES);
  if (THEMES.includes(theme)) document.documentElement.classList.add(theme);
}
if (themeSelect) {
  const saved = localStorage.getItem(THEME_KEY) ?? '';
  themeSelect.value = THEMES.includes(saved) ? saved : '';
  applyTheme(themeSelect.value);
  themeSelect.addEventListener('change', () => {
    applyTheme(themeSelect.value);
    localStorage.setItem(THEME_KEY, themeSelect.value);
  });
}

// The widgets' language: page-wide, through the provider (the page's own
// text stays English; only the toolkit's elements are translated).
const LANGUAGE_KEY = 'links-approach-demo:language';
const languageSelect = document.querySelector<HTMLSelectElement>('#language-choice');
if (languageSelect) {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'gd') languageSelect.value = 'gd';
  const apply = () => {
    const locale = languageSelect.value === 'gd' ? 'gd' : 'en-GB';
    demoProvider().locale = locale;
    localStorage.setItem(LANGUAGE_KEY, locale);
  };
  if (languageSelect.value === 'gd') apply();
  languageSelect.addEventListener('change', apply);
}

document.querySelector('#demo-reset')?.addEventListener('click', async () => {
  const note = document.querySelector('#demo-reset-note');
  if (note) note.textContent = 'Deleting the demo data in this browser…';
  await deleteDemoData();
  location.reload();
});

/** Resolves when every section has loaded (loading those not yet near the screen). */
export function loadAllSections(): Promise<void> {
  return Promise.all(Object.values(sections).map((s) => s.now())).then(() => undefined);
}

/** Where the page's data lives: the team's service session, or `undefined` (this browser only). */
export { session };
