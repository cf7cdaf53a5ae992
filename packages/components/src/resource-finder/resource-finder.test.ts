import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  createAlissDirectory,
  createMemoryDirectory,
  DIRECTORY_MESSAGES_EN,
  directoryMessage,
  parseAlissSearchPage,
  type DirectoryMessageCode,
  type DirectoryMessageParams,
  type Directory,
  type DirectoryResult,
  type FetchLike,
  type ResourceSearchResult,
} from '@links-approach/core/resources';
import { setLocale } from '../internal/localization.js';
import { issueText } from '../internal/messages.js';
import './resource-finder.js';
import type { LinksResourceFinder } from './resource-finder.js';

// The same synthetic fixture the node tests' server serves (test/fixtures/aliss/).
const services = (await (
  await fetch(new URL('../../../../test/fixtures/aliss/services.json', import.meta.url))
).json()) as unknown[];
const META = {
  licence: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: [{ text: 'Contains contributions from ALISS users', url: 'https://www.aliss.org/terms-and-conditions' }],
};
const AS_OF = new Date('2026-11-01T00:00:00Z');

function memoryDirectory(): Directory {
  const page = parseAlissSearchPage({ meta: META, count: services.length, next: null, previous: null, data: services });
  if (!page.ok) throw new Error('fixture invalid');
  const made = createMemoryDirectory({ source: page.value.source, resources: page.value.resources });
  if (!made.ok) throw new Error('fixture invalid');
  return made.value;
}

/** A fetch that answers like the ALISS v4 API from the fixture, or fails as told. */
function fixtureFetch(mode: { current: 'ok' | '500' | 'invalid-json' | 'drift' | 'network' | 'hang' }): FetchLike {
  return async (url) => {
    if (mode.current === 'network') throw new TypeError('Failed to fetch');
    if (mode.current === 'hang') return new Promise(() => {});
    if (mode.current === '500') return new Response('<h1>Server Error</h1>', { status: 500 });
    const u = new URL(url);
    const words = (u.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const data = (services as { name: string; description: string }[]).filter((s) =>
      words.every((w) => `${s.name} ${s.description}`.toLowerCase().includes(w)),
    );
    const size = Number(u.searchParams.get('page_size') ?? 20);
    const page = Number(u.searchParams.get('page') ?? 1);
    const slice = data.slice((page - 1) * size, page * size);
    const next =
      page * size < data.length
        ? (() => {
            const n = new URL(url);
            n.searchParams.set('page', String(page + 1));
            return n.href;
          })()
        : null;
    if (mode.current === 'invalid-json') return new Response('{"meta": {', { status: 200 });
    const body = {
      meta: META,
      count: data.length,
      next,
      previous: null,
      data: mode.current === 'drift' ? slice.map(({ name, ...rest }) => ({ ...rest, title: name })) : slice,
    };
    return new Response(JSON.stringify(body), { status: 200 });
  };
}

async function submit(el: LinksResourceFinder, values: { text?: string; postcode?: string; category?: string } = {}) {
  const root = el.shadowRoot!;
  for (const [name, value] of Object.entries(values)) {
    const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${name}`)!;
    control.value = value;
  }
  root.querySelector<HTMLButtonElement>('[part="search-button"]')!.click();
  // Let the search run and render.
  for (let i = 0; i < 5; i += 1) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

const live = (el: LinksResourceFinder) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<links-resource-finder>', () => {
  it('searches a directory and shows description, contact, accessibility, categories, freshness and attribution', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()} .asOf=${AS_OF}></links-resource-finder>`,
    );
    await submit(el, { text: 'Brightwater walk' });
    const root = el.shadowRoot!;
    const results = root.querySelectorAll('[part="result"]');
    expect(results).to.have.length(1);
    const card = results[0]!;
    expect(text(card.querySelector('[part="result-name"]'))).to.equal('Brightwater Walk and Talk Group');
    expect(text(card.querySelector('.organisation'))).to.equal('Brightwater Community Trust');
    expect(text(card.querySelector('.description'))).to.contain('A gentle weekly walk');
    expect(card.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:01414960101');
    expect(text(card.querySelector('a[href^="tel:"]'))).to.equal('0141 496 0101');
    expect(text(card)).to.contain('Hearing loop');
    expect([...card.querySelectorAll('.tags li')].map(text)).to.deep.equal([
      'Physical activity',
      'Walking',
      'Loneliness and social connection',
    ]);
    expect(text(card.querySelector('.freshness'))).to.match(
      /Last reviewed \d+ months? ago|Last reviewed less than a month ago/,
    );
    const attribution = text(root.querySelector('[part="attribution"]'));
    expect(attribution).to.contain('ALISS');
    expect(attribution).to.contain('CC BY 4.0');
    expect(
      root.querySelector<HTMLAnchorElement>(
        '[part="attribution"] a[href="https://creativecommons.org/licenses/by/4.0/"]',
      ),
    ).to.exist;
    expect(live(el)).to.equal('Showing 1 resource.');
  });

  it('flags a listing not reviewed for 12 months or more as possibly out of date', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()} .asOf=${AS_OF}></links-resource-finder>`,
    );
    await submit(el, { text: 'Brightwater' });
    const cards = [...el.shadowRoot!.querySelectorAll('[part="result"]')];
    const byName = (name: string) => cards.find((c) => text(c.querySelector('[part="result-name"]')) === name)!;
    // Fixture review dates count back from 1 Nov 2026: the money drop-in 200 days (6 months), the art room 700 days (23 months).
    const fresh = byName('Brightwater Money Matters Drop-in');
    expect(fresh.querySelector('[part="stale"]')).to.be.null;
    expect(text(fresh.querySelector('.freshness'))).to.equal('Last reviewed 6 months ago');
    const stale = byName('Brightwater Art Room');
    expect(text(stale.querySelector('[part="stale"]'))).to.equal('May be out of date');
    expect(text(stale.querySelector('.freshness'))).to.equal('May be out of date Last reviewed 23 months ago');
  });

  it('renders untrusted directory text only as text and never links to script', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()} .asOf=${AS_OF}></links-resource-finder>`,
    );
    await submit(el, { text: 'Còmhlan' });
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="result-name"]'))).to.equal('Còmhlan Ciùil <b>Singing</b> Group');
    expect(root.querySelector('[part="result"] b, [part="result"] img, [part="result"] script, [part="result"] i')).to
      .be.null;
    expect(text(root.querySelector('.description'))).to.contain('<script>alert("x")</script>');
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|tel:|mailto:)/);
    expect(text(root.querySelector('[part="result"]'))).not.to.contain('Website');
  });

  it('announces an empty result and suggests what to change', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()}></links-resource-finder>`,
    );
    await submit(el, { text: 'zzzz-nothing' });
    expect(text(el.shadowRoot!.querySelector('[part="status"]'))).to.contain('No resources found');
    expect(live(el)).to.equal('No resources found.');
    expect(el.shadowRoot!.querySelector('[part="results"]')).to.be.null;
  });

  it('choosing a resource fires links-resource-select with the CommunityResource', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()} select-label="Link"></links-resource-finder>`,
    );
    await submit(el, { text: 'Kelvinbrook kitchen' });
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="select-button"]')!;
    expect(text(button)).to.equal('Link Kelvinbrook Community Kitchen');
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'links-resource-select')) as CustomEvent;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.resource.name).to.equal('Kelvinbrook Community Kitchen');
    expect(event.detail.resource.provenance.licence.name).to.equal('CC BY 4.0');
  });

  it('filters by category chosen from the directory’s list', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()}></links-resource-finder>`,
    );
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select#category')!;
    expect([...select.options].map((o) => o.value)).to.include('carers');
    await submit(el, { category: 'carers' });
    const cards = [...el.shadowRoot!.querySelectorAll('[part="result"]')];
    expect(cards.length).to.be.greaterThan(2);
    for (const card of cards) expect([...card.querySelectorAll('.tags li')].map(text)).to.include('Carers');
  });

  it('a bad postcode is shown at the field, announced, focused, and nothing is searched', async () => {
    let searched = 0;
    const base = memoryDirectory();
    const counting: Directory = { ...base, search: (q, o) => ((searched += 1), base.search(q, o)) };
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${counting}></links-resource-finder>`,
    );
    await submit(el, { postcode: 'not a postcode' });
    const root = el.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#postcode')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('postcode-error');
    expect(text(root.querySelector('#postcode-error'))).to.equal(
      'Error: Postcode must be a UK postcode, e.g. "G40 1AA"',
    );
    expect(root.activeElement).to.equal(input);
    expect(live(el)).to.match(/^Check the postcode/);
    expect(searched).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the directory answers, and ignores an older search that answers late', async () => {
    const base = memoryDirectory();
    const pending: ((r: DirectoryResult<ResourceSearchResult>) => void)[] = [];
    const slow: Directory = { ...base, search: () => new Promise((resolve) => pending.push(resolve)) };
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${slow}></links-resource-finder>`,
    );
    await submit(el, { text: 'first' });
    expect(text(el.shadowRoot!.querySelector('[part="status"]'))).to.contain('Searching');
    expect(text(el.shadowRoot!.querySelector('[part="search-button"]'))).to.equal('Searching…');
    expect(live(el)).to.match(/^Searching/);
    await submit(el, { text: 'second' });
    const answer = (names: string[]): DirectoryResult<ResourceSearchResult> => ({
      ok: true,
      value: {
        resources: names.map((n, i) => ({
          id: `x:${i}`,
          name: n,
          description: '',
          status: 'active',
          contact: {},
          categories: [],
          accessibilityFeatures: [],
          communityGroups: [],
          locations: [],
          serviceAreas: [],
          provenance: { source: 'x', sourceName: 'X', sourceId: String(i), licence: { name: 'L' }, attribution: [] },
        })),
        source: base.source,
        pagesFetched: 1,
      },
    });
    pending[1]!(answer(['Second result']));
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    pending[0]!(answer(['First result (late)']));
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('[part="result-name"]')].map(text)).to.deep.equal(['Second result']);
  });

  it('pages with "Show more results" and moves focus to the first new result', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()} limit="5"></links-resource-finder>`,
    );
    await submit(el, { text: 'Community Hub' });
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part="result"]')).to.have.length(5);
    expect(live(el)).to.match(/^Showing 5 of \d+ resources\.$/);
    root.querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
    for (let i = 0; i < 5; i += 1) {
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
    }
    expect(root.querySelectorAll('[part="result"]')).to.have.length(10);
    expect(live(el)).to.match(/^5 more loaded\. Showing 10 of \d+ resources\.$/);
    expect(root.activeElement).to.equal(root.querySelectorAll('[part="result"] > article')[5]);
  });

  it('with ALISS: a search without a postcode is refused at the postcode field', async () => {
    const aliss = createAlissDirectory({ fetch: fixtureFetch({ current: 'ok' }) });
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${aliss}></links-resource-finder>`,
    );
    await submit(el, { text: 'walk' });
    expect(text(el.shadowRoot!.querySelector('#postcode-error'))).to.equal('Error: Postcode is required by ALISS');
  });

  for (const [mode, title, message] of [
    ['500', 'The directory could not answer the search', /HTTP 500/],
    ['invalid-json', 'The directory sent something this page cannot read', /not valid JSON/],
    ['drift', 'The directory sent something this page cannot read', /data\[0\]\.name is required/],
    ['network', 'The directory could not be reached', /Could not reach ALISS/],
  ] as const) {
    it(`with ALISS: ${mode} shows a clear error state, with no half-rendered results`, async () => {
      const state = { current: mode as 'ok' | typeof mode };
      const aliss = createAlissDirectory({ fetch: fixtureFetch(state as never) });
      const el = await fixture<LinksResourceFinder>(
        html`<links-resource-finder .directory=${aliss}></links-resource-finder>`,
      );
      await submit(el, { text: 'walk', postcode: 'G40 1AA' });
      const root = el.shadowRoot!;
      const error = root.querySelector('[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error.querySelector('.error-title'))).to.equal(title);
      expect(text(error)).to.match(message);
      expect(root.querySelector('[part="results"]')).to.be.null;
      expect(root.querySelector('[part="attribution"]')).to.be.null;
      await expect(el).to.be.accessible();
      if (mode === '500' || mode === 'network') {
        // Retryable: "Try again" runs the same search once the directory is back.
        state.current = 'ok';
        root.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
        for (let i = 0; i < 5; i += 1) {
          await new Promise((r) => setTimeout(r, 0));
          await el.updateComplete;
        }
        expect(root.querySelector('[part="error"]')).to.be.null;
        expect(root.querySelectorAll('[part="result"]').length).to.be.greaterThan(0);
      } else {
        expect(root.querySelector('[part="retry-button"]')).to.be.null;
      }
    });
  }

  it('with ALISS: a directory that does not answer in time shows the timeout', async () => {
    const aliss = createAlissDirectory({ fetch: fixtureFetch({ current: 'hang' }), timeoutMs: 30 });
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${aliss}></links-resource-finder>`,
    );
    await submit(el, { postcode: 'G40 1AA' });
    await new Promise((r) => setTimeout(r, 80));
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.error-title'))).to.equal('The directory took too long to answer');
    expect(live(el)).to.match(/^The search failed\. ALISS did not answer within 30 ms\.$/);
  });

  it('is accessible with results shown', async () => {
    const el = await fixture<LinksResourceFinder>(
      html`<links-resource-finder .directory=${memoryDirectory()} .asOf=${AS_OF}></links-resource-finder>`,
    );
    await submit(el, { text: 'Brightwater' });
    await expect(el).to.be.accessible();
  });

  it('on a Gaelic page says a bad field, a failed search and a timeout in Gaelic', async () => {
    try {
      await setLocale('gd');
      const memory = await fixture<LinksResourceFinder>(
        html`<links-resource-finder .directory=${memoryDirectory()}></links-resource-finder>`,
      );
      await submit(memory, { postcode: 'not a postcode' });
      const fieldError = text(memory.shadowRoot!.querySelector('#postcode-error'));
      expect(fieldError).to.contain('Còd-puist feumaidh e a bhith na chòd-puist san RA, m.e. "G40 1AA"');
      expect(fieldError).to.not.contain('must be');
      expect(live(memory)).to.contain('feumaidh e a bhith na chòd-puist san RA');

      const failing = createAlissDirectory({ fetch: fixtureFetch({ current: '500' }) });
      const el = await fixture<LinksResourceFinder>(
        html`<links-resource-finder .directory=${failing}></links-resource-finder>`,
      );
      await submit(el, { text: 'walk', postcode: 'G40 1AA' });
      const error = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(text(error)).to.contain('Fhreagair ALISS le mearachd (HTTP 500).');
      expect(text(error)).to.not.contain('answered with an error');
      expect(live(el)).to.equal('Dh’fhàillig an lorg. Fhreagair ALISS le mearachd (HTTP 500).');
      await expect(el).to.be.accessible();

      const noPostcode = createAlissDirectory({ fetch: fixtureFetch({ current: 'ok' }) });
      const refused = await fixture<LinksResourceFinder>(
        html`<links-resource-finder .directory=${noPostcode}></links-resource-finder>`,
      );
      await submit(refused, { text: 'walk' });
      expect(text(refused.shadowRoot!.querySelector('#postcode-error'))).to.contain('Còd-puist tha ALISS ga iarraidh');

      const slow = createAlissDirectory({ fetch: fixtureFetch({ current: 'hang' }), timeoutMs: 30 });
      const waiting = await fixture<LinksResourceFinder>(
        html`<links-resource-finder .directory=${slow}></links-resource-finder>`,
      );
      await submit(waiting, { postcode: 'G40 1AA' });
      await new Promise((r) => setTimeout(r, 80));
      await waiting.updateComplete;
      expect(live(waiting)).to.equal('Dh’fhàillig an lorg. Cha do fhreagair ALISS ann an àm (mille-diogan: 30).');
    } finally {
      await setLocale('en-GB');
    }
  });

  it('has a Gaelic sentence for every directory code, keeping the directory’s name, numbers and its own words', async () => {
    const samples: { readonly [C in DirectoryMessageCode]: DirectoryMessageParams[C] } = {
      'directory.query-not-object': {},
      'directory.text-not-text': {},
      'directory.text-too-long': { maximum: 200 },
      'directory.postcode': {},
      'directory.radius': { maximum: 200000 },
      'directory.category': {},
      'directory.location-type': {},
      'directory.limit': { maximum: 500 },
      'directory.cursor': {},
      'directory.postcode-aliss': {},
      'directory.id-aliss': {},
      'directory.id-feed': {},
      'directory.cannot-send': { field: 'limit', issue: 'directory.limit', maximum: 500 },
      'directory.cursor-unknown': { from: 'feed' },
      'directory.aliss-needs-postcode': {},
      'directory.not-an-id': { from: 'aliss' },
      'directory.no-fetch': { source: 'ALISS' },
      'directory.timeout': { source: 'ALISS', timeoutMs: 8000 },
      'directory.unreachable': { source: 'ALISS', host: 'www.aliss.org', cause: 'ECONNREFUSED' },
      'directory.connection-broke': { source: 'ALISS', detail: 'socket hang up' },
      'directory.http-error': { source: 'ALISS', status: 503, detail: 'Down for maintenance' },
      'directory.malformed': { source: 'ALISS', problems: 3, path: 'data[0].name', detail: 'is required' },
      'directory.aborted': {},
    };
    expect(Object.keys(samples).sort()).to.deep.equal(Object.keys(DIRECTORY_MESSAGES_EN).sort());
    const messages = Object.entries(samples).map(([code, params]) =>
      directoryMessage(code as DirectoryMessageCode, params as never),
    );
    for (const m of messages) expect(issueText(m), m.messageCode).to.equal(m.message);
    try {
      await setLocale('gd');
      for (const m of messages) {
        const gaelic = issueText(m);
        expect(gaelic, m.messageCode).to.not.equal(m.message);
        expect(gaelic.length, m.messageCode).to.be.greaterThan(5);
        const params = m.params as Record<string, unknown>;
        for (const name of ['source', 'host', 'status', 'maximum', 'problems', 'path', 'field'])
          if (params[name] !== undefined) expect(gaelic, `${m.messageCode} ${name}`).to.contain(String(params[name]));
      }
      const platformWords = issueText(messages.find((m) => m.messageCode === 'directory.connection-broke')!);
      expect(platformWords).to.contain('socket hang up');
      const directoryWords = issueText(messages.find((m) => m.messageCode === 'directory.http-error')!);
      expect(directoryWords).to.contain('Down for maintenance');
      expect(issueText(messages.find((m) => m.messageCode === 'directory.timeout')!)).to.contain('8');
    } finally {
      await setLocale('en-GB');
    }
  });
});
