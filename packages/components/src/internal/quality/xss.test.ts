// Quality gate: an XSS corpus rendered through every text-bearing element.
// Each payload is put into every string field of the element's data (plan
// aims, measures, change ideas and PDSA notes; referral reasons, notes,
// goals and resources; directory names, descriptions, addresses, phone
// numbers and URLs; network register entries; outcome form labels; report
// and comparison labels; host person labels…). Every payload sets
// `window.__xss` if it ever runs. After rendering, after a tick, and after
// the interactions that reveal more (opening every disclosure, every plan
// section, every action form and panel, running a search) the test asserts:
// nothing ran; no element in any shadow root carries an `on*` attribute; no
// script, img, iframe, object or embed exists; the payload is shown as text;
// and every link is http(s), tel:, mailto: or an in-page fragment.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { definedTags } from './test-define-recorder.js';
import '../../all.js';
import { LINKS_FRAMEWORK } from '@links-approach/core';
import { ONS4 } from '@links-approach/core/outcomes';
import { PLAN_SECTION_TAGS } from '../../plan-editor/internal/sections.js';
import { caseloadMetrics, replay, type ReferralState } from '@links-approach/core/referral';
import {
  ALISS_SOURCE,
  createMemoryDirectory,
  type CommunityResource,
  type Directory,
  type DirectorySource,
} from '@links-approach/core/resources';
import {
  AS_OF,
  ALISS_META,
  alissDirectory,
  alissServices,
  deepElements,
  deepText,
  demoComparison,
  demoEvaluation,
  demoMeasure,
  demoReferrals,
  demoRegister,
  demoScores,
  openAllDetails,
  samplePlan,
  sampleReferralEvents,
  settle,
  shadow,
} from './test-harness.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

interface Payload {
  readonly name: string;
  readonly text: string;
  /** A part of the payload that must be on screen, as text, once rendered (after core's cleaning). */
  readonly marker: string;
}

const run = (id: string) => `window.__xss='${id}'`;

/** The corpus. Every executable part sets `window.__xss`. */
export const PAYLOADS: readonly Payload[] = [
  { name: 'img onerror', text: `<img src=x onerror="${run('img')}">`, marker: `onerror="${run('img')}"` },
  { name: 'script element', text: `<script>${run('script')}</script>`, marker: `<script>${run('script')}</script>` },
  {
    name: 'attribute breakout into svg onload',
    text: `"><svg onload="${run('svg')}"><!--`,
    marker: `"><svg onload="${run('svg')}">`,
  },
  {
    name: 'single-quoted attribute breakout',
    text: `' autofocus onfocus='window.__xss="focus"' x='`,
    marker: `onfocus='window.__xss="focus"'`,
  },
  {
    name: 'style breakout',
    text: `</style><style>*{background:url("javascript:${run('css')}")}</style><img src=x onerror="${run('style')}">`,
    marker: `</style><style>*{background:url(`,
  },
  {
    name: 'template syntax',
    text: `\${${run('tpl')}} {{constructor.constructor("${run('ng')}")()}} <%= ${run('erb')} %>`,
    marker: `{{constructor.constructor(`,
  },
  {
    name: 'iframe srcdoc and object',
    text: `<iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe><object data="javascript:${run('object')}"></object>`,
    marker: `<iframe srcdoc=`,
  },
  { name: 'javascript: URL as text', text: `javascript:${run('js')}//`, marker: `javascript:${run('js')}` },
  {
    name: 'Lit template markers',
    text: `<!--?lit$1234567$--><?lit$1234567$>lit$1234567$ {{lit}}`,
    marker: `lit$1234567$`,
  },
  {
    name: 'HTML entities stay literal',
    text: `&lt;img src=x onerror=${run('entity')}&gt; &#60;script&#62;`,
    marker: `&lt;img src=x onerror=`,
  },
  {
    name: 'unicode bidi override and invisible characters',
    text: `\u202Egnp.exe\u202C \u2066isolated\u2069 zero\u200Bwidth \u0007bell`,
    marker: 'gnp.exe',
  },
  {
    name: 'a very long string',
    text: `${'Longtext '.repeat(1200)}<img src=x onerror="${run('long')}">`,
    marker: 'Longtext Longtext Longtext',
  },
];

/** Every short payload in one string: the one the (slower) interaction walks use. */
const COMBINED: Payload = {
  name: 'the whole corpus in one string',
  text: PAYLOADS.filter((p) => p.name !== 'a very long string')
    .map((p) => p.text)
    .join(' | '),
  marker: PAYLOADS[0]!.marker,
};

/** What URL-bearing fields get instead of the payload: schemes that must never become a link. */
const HOSTILE_URLS = [
  `javascript:${run('href')}`,
  ` JaVaScRiPt:${run('href2')}`,
  `data:text/html,<script>${run('data')}</script>`,
  `vbscript:msgbox(1)`,
];
let urlTurn = 0;
const hostileUrl = () => HOSTILE_URLS[urlTurn++ % HOSTILE_URLS.length]!;

/** Keys whose values are enumerations, references to fixed vocabularies, or structure: left alone so the data still means something. */
const STRUCTURAL = new Set([
  'kind',
  'schemaVersion',
  'status',
  'type',
  'to',
  'role',
  'route',
  'urgency',
  'mode',
  'setting',
  'method',
  'code',
  'themeId',
  'capacityId',
  'direction',
  'act',
  'cohort',
  'businessStatus',
  'alissListing',
  'timepoint',
  'instrumentId',
  'scope',
  'consent',
  'better',
  'location_type',
  'slug',
  'version',
]);
const URL_KEY = /(url|permalink|website|^licence)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * A copy of `value` with the payload added to every string, except
 * enumerations and dates; URL fields get a hostile URL instead. The change is
 * the same for equal strings, so references between ids still match.
 */
function poison<T>(value: T, payload: string, keep: ReadonlySet<string> = new Set()): T {
  const visit = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      if (STRUCTURAL.has(key) || keep.has(key) || DATE.test(v)) return v;
      if (URL_KEY.test(key)) return hostileUrl();
      return `${v} ${payload}`;
    }
    if (Array.isArray(v)) return v.map((item) => visit(item, key));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, visit(item, k)]));
    }
    return v;
  };
  return visit(value, '') as T;
}

const SAFE_LINK = /^(https?:\/\/|tel:\+?\d|mailto:[^\s<>"]+@|#)/i;
const LINK_ATTRIBUTES = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background'];
const FORBIDDEN = new Set([
  'script',
  'img',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'image',
]);

const clean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');

/** Everything the corpus must never do, checked over the element and every shadow root inside it. */
async function expectInert(el: Element, payload: Payload, when: string): Promise<void> {
  // (An injected image fires onerror only once its load fails: every test ends with a later check too,
  // while all its elements are still in the page.)
  await new Promise((resolve) => setTimeout(resolve));
  expect(window.__xss, `${payload.name} ran script (${when})`).to.be.undefined;
  for (const node of deepElements(el)) {
    const where = `<${node.localName}> in <${el.localName}> (${payload.name}, ${when})`;
    expect(FORBIDDEN.has(node.localName), `${where} must not exist`).to.be.false;
    if (node.localName === 'style') expect(node.textContent ?? '').not.to.contain('__xss');
    for (const attribute of node.attributes) {
      expect(attribute.name.startsWith('on'), `${where} has event-handler attribute ${attribute.name}`).to.be.false;
      if (LINK_ATTRIBUTES.includes(attribute.name)) {
        expect(attribute.value.trim(), `${where} ${attribute.name}`).to.match(SAFE_LINK);
      }
    }
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
      expect(
        ['http:', 'https:', 'tel:', 'mailto:'].includes(node.protocol) || node.getAttribute('href')!.startsWith('#'),
        `${where} href ${node.href}`,
      ).to.be.true;
    }
  }
}

function expectShownAsText(el: Element, payload: Payload, when: string): void {
  expect(clean(deepText(el)), `${payload.name} shown as text in <${el.localName}> (${when})`).to.contain(
    clean(payload.marker),
  );
}

/** Clicks, one at a time, every button under the element that matches, checking after each. */
async function clickEach(el: HTMLElement, payload: Payload, selector: string, label: string): Promise<number> {
  const root = shadow(el);
  const count = root.querySelectorAll(selector).length;
  for (let i = 0; i < count; i += 1) {
    const button = root.querySelectorAll<HTMLButtonElement>(selector)[i];
    if (!button) continue;
    button.click();
    await settle(el);
    await openAllDetails(el);
    await expectInert(el, payload, `${label} ${i + 1}`);
  }
  return count;
}

type Case = {
  /** What data carries the payload. */
  readonly fields: string;
  readonly render: (payload: Payload) => Promise<HTMLElement>;
  /** Interactions that reveal more of the data; each checks as it goes. */
  readonly interact?: (el: HTMLElement, payload: Payload) => Promise<void>;
  /** Only these payloads (default: every one, then the whole corpus in one string). */
  readonly payloads?: () => readonly Payload[];
};

const mount = async (template: ReturnType<typeof html>) => {
  const el = await fixture<HTMLElement>(template);
  await settle(el);
  return el;
};

let samplePlanCache: Awaited<ReturnType<typeof samplePlan>> | undefined;
const plan = async () => (samplePlanCache ??= await samplePlan());

/** Referrals replayed from the sample events with the payload in every string field of every event. */
async function poisonedReferrals(payload: Payload, keep: ReadonlySet<string> = new Set()): Promise<ReferralState[]> {
  const events = poison(await sampleReferralEvents(), payload.text, keep);
  const replayed = replay(events, { trusted: true });
  expect(replayed.state.referrals.length, 'poisoned referrals still replay').to.be.greaterThan(3);
  return [...replayed.state.referrals];
}

const poisonedFramework = (payload: Payload) => poison(LINKS_FRAMEWORK, payload.text, new Set(['id']));

function poisonedSource(payload: Payload): DirectorySource {
  return {
    id: 'host-list',
    name: `Host list ${payload.text}`,
    licence: { name: `Licence ${payload.text}`, url: `javascript:${run('licence')}` },
    attribution: [
      { text: `Attribution ${payload.text}`, url: `javascript:${run('attribution')}` },
      { text: `Second attribution ${payload.text}`, url: `data:text/html,<script>${run('attr-data')}</script>` },
    ],
  };
}

async function search(el: HTMLElement): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('[part="search-button"]')!.click();
  await settle(el, 5);
}

/** A resource finder on the directory, after a search. */
async function finder(directory: Directory): Promise<HTMLElement> {
  const el = await mount(
    html`<links-resource-finder .directory=${directory} .asOf=${new Date('2026-11-01T00:00:00Z')}></links-resource-finder>`,
  );
  await search(el);
  return el;
}

const CASES: Record<string, readonly Case[]> = {
  'links-framework-overview': [
    {
      fields: 'a host framework: name, version, capacity, theme and responsibility names and descriptions',
      render: (p) =>
        mount(
          html`<links-framework-overview selectable .framework=${poisonedFramework(p)}></links-framework-overview>`,
        ),
      interact: async (el, p) => {
        await clickEach(el, p, 'button', 'capacity button');
      },
    },
  ],
  'links-plan-editor': [
    {
      fields:
        'every string of the sample plan: title, practice, owners, team, aims, measures, change ideas, PDSA notes, evidence, focus areas',
      render: async (p) =>
        mount(html`<links-plan-editor .plan=${poison(await plan(), p.text)} author=${p.text}></links-plan-editor>`),
      interact: async (el, p) => {
        await openAllDetails(el);
        expect(await clickEach(el, p, 'nav button', 'plan section')).to.equal(9);
      },
    },
  ],
  'links-theme-focus': [
    {
      fields: 'focus areas of the sample plan and a host framework',
      render: async (p) =>
        mount(
          html`<links-theme-focus .plan=${poison(await plan(), p.text)} .framework=${poisonedFramework(p)}></links-theme-focus>`,
        ),
      interact: async (el) => {
        await openAllDetails(el);
      },
    },
  ],
  'links-pdsa-log': [
    {
      fields: 'a change idea and its PDSA cycles (plan, prediction, what happened, study)',
      render: async (p) =>
        mount(
          html`<links-pdsa-log .plan=${poison(await plan(), p.text)} capacity="shared-learning" change-idea=${`change-1 ${p.text}`}></links-pdsa-log>`,
        ),
      interact: async (el) => {
        expect(shadow(el).querySelectorAll('[part="cycle"]').length, 'cycles shown').to.equal(3);
        await openAllDetails(el);
      },
    },
  ],
  'links-resource-finder': [
    {
      fields:
        'ALISS services through core’s mapper: names, descriptions, organisations, phone, e-mail, addresses, categories, accessibility, service areas, and javascript:/data: URLs',
      render: async (p) => {
        const services = poison(await alissServices(), p.text, new Set(['id']));
        const meta = poison(ALISS_META, p.text);
        return finder(alissDirectory(services, meta));
      },
      interact: async (el, p) => {
        expect(shadow(el).querySelectorAll('[part="result"]').length, 'results shown').to.be.greaterThan(0);
        await expectInert(el, p, 'after the search');
        expectShownAsText(el, p, 'after the search');
      },
    },
    {
      fields: 'a host list in a memory directory whose source (attribution, licence) carries javascript:/data: URLs',
      render: async (p) => {
        const clean = alissDirectory(await alissServices());
        const found = await clean.search({ text: '', limit: 5 });
        if (!found.ok) throw new Error('fixture search failed');
        const made = createMemoryDirectory({ source: poisonedSource(p), resources: found.value.resources });
        if (!made.ok) throw new Error(`memory directory refused: ${made.errors[0]!.message}`);
        return finder(made.value);
      },
      interact: async (el, p) => {
        expect(shadow(el).querySelector('[part="attribution"]'), 'attribution shown').to.exist;
        await expectInert(el, p, 'after the search');
        expectShownAsText(el, p, 'after the search');
      },
    },
    {
      fields:
        'a host directory adapter returning unchecked resources, source and categories (every string, every URL hostile)',
      render: async (p) => {
        const clean = alissDirectory(await alissServices());
        const found = await clean.search({ text: '', limit: 8 });
        if (!found.ok) throw new Error('fixture search failed');
        const resources = poison(found.value.resources, p.text) as CommunityResource[];
        const categories = [{ name: `Walking ${p.text}`, slug: `walking ${p.text}`, depth: 0 }];
        const source = poisonedSource(p);
        const directory: Directory = {
          source,
          search: async () => ({
            ok: true,
            value: { resources, source, total: resources.length + 5, next: 'cursor', pagesFetched: 0 },
          }),
          getById: async () => ({ ok: true, value: undefined }),
          listCategories: async () => ({ ok: true, value: categories }),
        };
        return finder(directory);
      },
      interact: async (el, p) => {
        expect(shadow(el).querySelectorAll('[part="result"]').length, 'results shown').to.be.greaterThan(0);
        await expectInert(el, p, 'after the search');
        expectShownAsText(el, p, 'after the search');
      },
    },
    {
      fields: 'a directory error message',
      render: async (p) =>
        finder({
          source: { ...ALISS_SOURCE, name: `ALISS ${p.text}` },
          search: async () => ({ ok: false, error: { kind: 'http', status: 500, message: `Server said ${p.text}` } }),
          getById: async () => ({ ok: true, value: undefined }),
        }),
      interact: async (el, p) => {
        expect(shadow(el).querySelector('[part="error"]'), 'error shown').to.exist;
        await expectInert(el, p, 'after the failed search');
        expectShownAsText(el, p, 'after the failed search');
      },
    },
  ],
  'links-network-register': [
    {
      fields: 'organisation names, contact roles, labels and notes of a register',
      render: (p) =>
        mount(
          html`<links-network-register .register=${poison(demoRegister(), p.text, new Set(['id', 'practiceId']))} as-of="2026-11-20" label=${p.text}></links-network-register>`,
        ),
      interact: async (el, p) => {
        expect(await clickEach(el, p, 'td.actions button', 'row action')).to.be.greaterThan(4);
      },
    },
  ],
  'links-run-chart': [
    {
      fields: 'a measure’s name and unit',
      render: (p) =>
        mount(
          html`<links-run-chart .measure=${poison(demoMeasure(), p.text)} .target=${18} table-open></links-run-chart>`,
        ),
    },
  ],
  'links-maturity-profile': [
    {
      fields: 'a plan score (capacity names, level names, reasons) and the labels',
      render: (p) => {
        const { latest, previous } = demoScores();
        return mount(
          html`<links-maturity-profile .score=${poison(latest, p.text)} .compare=${previous} label=${p.text} compare-label=${p.text}></links-maturity-profile>`,
        );
      },
    },
  ],
  'links-capacity-card': [
    {
      fields: 'a capacity score: name, level name, criteria reasons and next step',
      render: (p) =>
        mount(
          html`<links-capacity-card .score=${poison(demoScores().latest.capacities[0], p.text)} criteria-open></links-capacity-card>`,
        ),
    },
  ],
  'links-cohort-comparison': [
    {
      fields: 'capacity and practice names of a cohort comparison',
      render: (p) =>
        mount(
          html`<links-cohort-comparison .comparison=${poison(demoComparison(), p.text)} label=${p.text}></links-cohort-comparison>`,
        ),
    },
  ],
  'links-referral-form': [
    {
      fields: 'the person reference, ids, an existing referral (duplicate warning), theme names and the title',
      render: async (p) => {
        const referrals = await poisonedReferrals(p);
        const open = referrals.find((r) => ['requested', 'accepted', 'in-progress', 'on-hold'].includes(r.status))!;
        return mount(html`<links-referral-form
          person=${open.person}
          practice-id=${`springburn-hc ${p.text}`}
          referrer-id=${`gp-sb-1 ${p.text}`}
          referral-id="ref-new"
          label=${p.text}
          .referrals=${referrals}
          .framework=${poisonedFramework(p)}
          .now=${() => new Date(AS_OF)}
        ></links-referral-form>`);
      },
      interact: async (el, p) => {
        expect(shadow(el).querySelector('[part="duplicate-warning"]'), 'duplicate warning').to.exist;
        for (const box of shadow(el).querySelectorAll<HTMLInputElement>('input[name="theme"]')) box.click();
        await settle(el);
        shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
        await settle(el);
        await expectInert(el, p, 'after sending');
      },
    },
  ],
  'links-caseload': [
    {
      fields: 'referrals (person, ids, reasons) and practice names',
      render: async (p) => {
        const referrals = await poisonedReferrals(p);
        const practices = [...new Set(referrals.map((r) => r.practiceId))].map((id) => ({
          id,
          name: `${id} ${p.text}`,
        }));
        return mount(
          html`<links-caseload .referrals=${referrals} .practices=${practices} as-of=${AS_OF} label=${p.text} .selected=${referrals[0]!.id}></links-caseload>`,
        );
      },
    },
  ],
  'links-referral-detail': [
    {
      fields:
        'the free text of every event of the richest sample referral (reasons, notes, goals, resources, outcomes, follow-ups), every action form opened',
      render: async (p) => {
        // Ids stay valid here, so that core offers actions (it checks the events they would make).
        const referrals = await poisonedReferrals(
          p,
          new Set([
            'id',
            'referralId',
            'person',
            'practiceId',
            'clpId',
            'goalId',
            'linkId',
            'followUpId',
            'previousReferralId',
          ]),
        );
        const richest = referrals
          .filter((r) => r.status === 'in-progress')
          .sort((a, b) => b.timeline.length - a.timeline.length)[0]!;
        return mount(html`<links-referral-detail
          .referral=${richest}
          user-role="clp"
          user-id=${richest.clpId ?? 'clp-sb'}
          as-of="2025-03-31"
          .framework=${poisonedFramework(p)}
          .now=${() => new Date(AS_OF)}
        ></links-referral-detail>`);
      },
      interact: async (el, p) => {
        await openAllDetails(el);
        await expectInert(el, p, 'message back open');
        expect(await clickEach(el, p, '[part="action-button"]', 'action')).to.be.greaterThan(3);
      },
    },
    {
      fields:
        'every string of every event of each sample referral in turn (person and staff ids too), message back open',
      // Ten referrals per payload: the whole corpus in one string, the long one and the bidi one are enough here.
      payloads: () => [COMBINED, ...PAYLOADS.filter((p) => /long|bidi/.test(p.name))],
      render: async (p) => {
        const wrapper = await fixture<HTMLElement>(html`<div></div>`);
        for (const r of await poisonedReferrals(p)) {
          const el = document.createElement('links-referral-detail');
          el.referral = r;
          el.setAttribute('user-role', 'referrer');
          el.setAttribute('user-id', r.referrerId);
          el.setAttribute('as-of', '2025-03-31');
          wrapper.append(el);
        }
        await settle(wrapper);
        await openAllDetails(wrapper);
        // The wrapper holds one element per referral; check each one.
        for (const el of wrapper.children) await expectInert(el, p, `referral ${el.getAttribute('user-id')}`);
        return wrapper.firstElementChild as HTMLElement;
      },
    },
  ],
  'links-caseload-summary': [
    {
      fields: 'referrals, practice names and the title',
      render: async (p) => {
        const referrals = await poisonedReferrals(p);
        const practices = [...new Set(referrals.map((r) => r.practiceId))].map((id) => ({
          id,
          name: `${id} ${p.text}`,
          listSize: 6000,
        }));
        return mount(
          html`<links-caseload-summary .referrals=${referrals} .practices=${practices} as-of=${AS_OF} label=${p.text}></links-caseload-summary>`,
        );
      },
    },
    {
      fields: 'metrics given directly (practice names)',
      render: (p) => {
        const referrals = demoReferrals(10);
        const m = caseloadMetrics(referrals, {
          asOf: AS_OF,
          practices: [{ id: 'practice-a', name: `Possilpark ${p.text}`, listSize: 6000 }],
        });
        return mount(html`<links-caseload-summary .metrics=${poison(m, p.text)}></links-caseload-summary>`);
      },
    },
  ],
  'links-outcome-form': [
    {
      fields: 'a host instrument: name, preamble, questions, hints, answer labels, source',
      render: (p) =>
        mount(
          html`<links-outcome-form .instrument=${poison(ONS4, p.text, new Set(['id']))} label=${p.text} required></links-outcome-form>`,
        ),
      interact: async (el, p) => {
        (el as unknown as { reportValidity(): boolean }).reportValidity();
        await settle(el);
        await expectInert(el, p, 'errors shown');
      },
    },
  ],
  'links-programme-report': [
    {
      fields: 'a programme evaluation: practice names, instrument and item names, labels',
      render: (p) =>
        mount(
          html`<links-programme-report .evaluation=${poison(demoEvaluation(), p.text)} label=${p.text}></links-programme-report>`,
        ),
      interact: async (el) => {
        await openAllDetails(el);
      },
    },
  ],
  'links-provider': [
    {
      fields:
        'person labels from the host’s resolver (sync and async), shown by a caseload, a referral and a referral form',
      render: async (p) => {
        const referrals = demoReferrals(5);
        const el =
          await mount(html`<links-provider storage="memory" .personLabel=${(ref: string) => `Name ${p.text} ${ref}`}>
          <links-caseload .referrals=${referrals} as-of=${AS_OF}></links-caseload>
          <links-referral-detail .referral=${referrals[0]} user-role="clp" user-id="clp-1" as-of="2025-03-31"></links-referral-detail>
          <links-provider storage="memory" .personLabel=${async (ref: string) => `Async ${p.text} ${ref}`}>
            <links-referral-form person=${referrals[1]!.person} practice-id="practice-a" referrer-id="gp-1-a"></links-referral-form>
          </links-provider>
        </links-provider>`);
        await settle(el, 5);
        return el;
      },
    },
  ],
};

describe('quality: XSS corpus through every text-bearing element', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => {
    delete window.__xss;
  });

  it('the checks can fail: an element that used innerHTML would be caught', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<p>${PAYLOADS[0]!.text}</p><a href="javascript:void 0">x</a>`;
    await waitUntil(() => window.__xss === 'img', 'the img payload runs when parsed as HTML', { timeout: 5000 });
    delete window.__xss;
    let caught = false;
    try {
      await expectInert(host, PAYLOADS[0]!, 'self-test');
    } catch {
      caught = true;
    }
    expect(caught, 'expectInert fails on injected markup').to.be.true;
  });

  it('covers every links-* element all.ts registers (each one shows text from data or from the host)', () => {
    // The plan editor's sections render inside its shadow root: its cases cover them.
    const registered = [
      ...new Set(definedTags.filter((tag) => tag.startsWith('links-') && !PLAN_SECTION_TAGS.includes(tag))),
    ].sort();
    expect(registered.length).to.be.greaterThan(10);
    expect(Object.keys(CASES).sort(), 'add a case for each new element').to.deep.equal(registered);
  });

  for (const [tag, cases] of Object.entries(CASES)) {
    describe(`<${tag}>`, () => {
      for (const c of cases) {
        it(c.fields, async function () {
          this.timeout(60_000);
          // Every payload through render, a tick and open disclosures; the whole corpus at once through the interactions.
          for (const payload of c.payloads?.() ?? [...PAYLOADS, COMBINED]) {
            const el = await c.render(payload);
            expect(el.localName, 'rendered element').to.equal(tag);
            await expectInert(el, payload, 'after render');
            await openAllDetails(el);
            await expectInert(el, payload, 'after a tick, disclosures open');
            if (c.interact && payload === COMBINED) await c.interact(el, payload);
            expectShownAsText(
              tag === 'links-referral-detail' && el.parentElement ? el.parentElement : el,
              payload,
              'after interactions',
            );
          }
          // Anything that would run late (an image failing to load) has had time to.
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(window.__xss, 'nothing ran late').to.be.undefined;
        });
      }
    });
  }
});
