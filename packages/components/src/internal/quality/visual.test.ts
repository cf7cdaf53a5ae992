// Screenshot baselines (run by `npm run test:visual`, config
// web-test-runner.visual.config.mjs): every element in its main states at
// 320, 768 and 1,280 px. Fixed data and a pinned "now" (layout-scenarios.ts),
// the Arimo web font, animations and the caret off, so a picture changes only
// when the look does. Update on purpose with
// `npm run test:visual -- --update-visual-baseline`.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../all.js';
import { LAYOUT_SCENARIOS } from './layout-scenarios.js';
import { settle } from './test-harness.js';

const WIDTHS = [320, 768, 1280] as const;
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

describe('screenshots of every element', () => {
  let stopIgnoring: () => void;
  before(async () => {
    stopIgnoring = ignoreWindowResizeObserverLoopErrors();
    await document.fonts.load('16px Arimo');
    await document.fonts.load('bold 16px Arimo');
    expect(document.fonts.check('16px Arimo'), 'the pinned font loaded').to.equal(true);
  });
  after(() => stopIgnoring());

  for (const width of WIDTHS) {
    describe(`at ${width} px`, () => {
      before(() => setViewport({ width, height: 1400 }));
      for (const { tag, state, render } of LAYOUT_SCENARIOS) {
        it(`<${tag}> ${state}`, async () => {
          const el = await render();
          if (tag === 'links-caseload') {
            // The virtualizer lays rows out only while the list is on screen.
            el.shadowRoot!.querySelector('[part="body"]')!.scrollIntoView();
            await waitUntil(() => el.shadowRoot!.querySelector('[part="row"]'), 'rows laid out');
          }
          await document.fonts.ready;
          await settle(el, 2);
          window.scrollTo(0, 0);
          await visualDiff(el, `${slug(tag.replace(/^links-/, ''))}--${slug(state)}--${width}`);
        });
      }
    });
  }
});
