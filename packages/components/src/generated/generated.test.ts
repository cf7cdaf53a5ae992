// The generated localisation modules: which locales exist, and that the
// Gaelic translation (written by people, compiled by lit-localize) carries
// no markup that could run. That every message has an up-to-date
// translation is checked by scripts/localize.test.mjs.
import { expect } from '@open-wc/testing';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';
import { templates } from './locales/gd.js';

const textOf = (template: unknown): string => {
  if (typeof template === 'string') return template;
  const t = template as { strings?: readonly string[] };
  return (t.strings ?? []).join('');
};

describe('generated localisation modules', () => {
  it('name en-GB as the source locale and Scottish Gaelic as the one translation', () => {
    expect(sourceLocale).to.equal('en-GB');
    expect([...targetLocales]).to.deep.equal(['gd']);
    expect([...allLocales].sort()).to.deep.equal(['en-GB', 'gd']);
  });

  it('translate every message into non-empty text', () => {
    const entries = Object.entries(templates);
    expect(entries.length).to.be.greaterThan(500);
    const empty = entries.filter(([, template]) => textOf(template).trim() === '').map(([id]) => id);
    expect(empty).to.deep.equal([]);
  });

  it('carry no script, event handler or javascript: address in any translation', () => {
    const unsafe = Object.entries(templates)
      .filter(([, template]) => /<script|\son[a-z]+\s*=|javascript:/i.test(textOf(template)))
      .map(([id]) => id);
    expect(unsafe).to.deep.equal([]);
  });
});
