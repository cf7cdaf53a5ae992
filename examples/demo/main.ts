// The demo page's script: registers every element, gives the page's
// <links-provider> the host's person-label resolver, and wires the framework
// overview, the theme switcher and the "reset the demo" button. Each
// section's demo lives in its own module beside this one.
import '@links-approach/components';
import { deleteDemoData, demoPersonLabel, demoProvider } from './host.js';

// Names are the host's business: the provider shows what this returns, and
// nothing else in the toolkit ever sees a name.
demoProvider().personLabel = demoPersonLabel;

const overview = document.querySelector('links-framework-overview');
const status = document.querySelector('#capacity-choice');
overview?.addEventListener('links-capacity-select', (event) => {
  if (status)
    status.textContent = `You chose ${event.detail.capacity.name}. The plan editor below opens that capacity.`;
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
