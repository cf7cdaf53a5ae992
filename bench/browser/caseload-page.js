/* global document, performance, window, location, requestAnimationFrame, Event, URLSearchParams */
// Runs in Chromium (served by bench/caseload-browser.bench.mjs): first render and
// filter updates of <links-caseload> with 10,000 referrals, against a plain Lit
// `repeat` of all rows as the same-run baseline. Results go to window.__bench.
// Every timing includes the cold first run (the element's first definition and
// template preparation); the filter update is timed until the virtualizer has
// put the new rows in the DOM and they are laid out, not just to updateComplete.
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LINKS_FRAMEWORK } from '@links-approach/core';
import {
  caseloadRows,
  filterCaseload,
  generateDemoReferrals,
  REFERRAL_LABELS,
  replay,
} from '@links-approach/core/referral';
import '@links-approach/components/caseload.js';

const params = new URLSearchParams(location.search);
const COUNT = Number(params.get('referrals') ?? 10_000);
const RUNS = Number(params.get('runs') ?? 7);
const UPDATES = Number(params.get('updates') ?? 21);
const AS_OF = '2025-03-31T17:00:00Z';
const STATUSES = ['in-progress', 'completed', 'requested', 'on-hold', 'failed', ''];

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const median = (xs) => {
  const sorted = xs.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const best = (xs) => xs.reduce((a, b) => (b < a ? b : a), Infinity);
const themes = new Map(LINKS_FRAMEWORK.themes.map((t) => [t.id, t.name]));
const date = (iso) => (iso ? iso.slice(0, 10) : '');

/** The baseline: every row rendered with a plain Lit `repeat`, the same cells as the element's rows. */
const baselineRow = (row) => html`<div class="row" role="row">
  <div role="cell"><button type="button">${row.id}</button></div>
  <div role="cell">${row.person}</div>
  <div role="cell">${row.practiceId}</div>
  <div role="cell">
    <span class="badge">${REFERRAL_LABELS.status[row.status]}</span>${
      row.overdue ? html`<span class="flag">Overdue</span>` : ''
    }
  </div>
  <div role="cell">${REFERRAL_LABELS.urgency[row.urgency]}</div>
  <div role="cell">${row.themes.map((t) => themes.get(t) ?? t).join(', ')}</div>
  <div role="cell">${date(row.requestedAt)}</div>
  <div role="cell">${row.nextFollowUp ?? ''}</div>
  <div role="cell">${row.contacts}</div>
  <div role="cell">${date(row.updatedAt)}</div>
</div>`;
const baselineList = (rows) => html`<div class="baseline" role="table">${repeat(rows, (r) => r.id, baselineRow)}</div>`;

async function main() {
  const practices = Array.from({ length: 25 }, (_, i) => `practice-${i + 1}`);
  const referrals = replay(
    generateDemoReferrals({ practices, seed: 11, asOf: AS_OF, referralsPerPractice: Math.ceil(COUNT / 25) + 5 }).events,
    { trusted: true },
  ).state.referrals.slice(0, COUNT);
  const rows = caseloadRows(referrals, { asOf: AS_OF });
  const first = { ours: [], baseline: [] };
  const filter = { ours: [], oursToFrame: [], baseline: [] };

  // First render, alternating which goes first. Each ends at the first frame after its rows are in the page.
  for (let run = 0; run < RUNS; run++) {
    for (const which of run % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline']) {
      const host = document.createElement('div');
      host.className = 'host';
      document.body.append(host);
      await frame();
      const t0 = performance.now();
      if (which === 'baseline') {
        render(baselineList(rows), host);
        await frame();
      } else {
        const el = document.createElement('links-caseload');
        el.asOf = AS_OF;
        el.referrals = referrals;
        host.append(el);
        await el.updateComplete;
        while (el.shadowRoot.querySelectorAll('[part="row"]').length === 0) await frame();
      }
      first[which].push(performance.now() - t0);
      render(html``, host);
      host.remove();
      await frame();
    }
  }

  // Filter updates: the status filter changed from its select, as a user does.
  const host = document.createElement('div');
  host.className = 'host';
  document.body.append(host);
  const el = document.createElement('links-caseload');
  el.asOf = AS_OF;
  el.referrals = referrals;
  host.append(el);
  await el.updateComplete;
  while (el.shadowRoot.querySelectorAll('[part="row"]').length === 0) await frame();
  const select = el.shadowRoot.getElementById('status');
  /** Whether the rows in the DOM are the filtered ones: every rendered row shows the chosen status. */
  const rowsShow = (label, expected) => {
    const rows = el.shadowRoot.querySelectorAll('[part="row"]');
    if (expected === 0 || rows.length === 0) return expected === 0 && rows.length === 0;
    if (!label) return true;
    for (const row of rows) {
      const badge = row.querySelector('[part="status"]');
      if (!badge || badge.textContent !== label) return false;
    }
    return true;
  };
  for (let i = 0; i < UPDATES; i++) {
    const status = STATUSES[i % STATUSES.length];
    await frame();
    const t0 = performance.now();
    select.value = status;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const label = status ? REFERRAL_LABELS.status[status] : undefined;
    // Until the virtualizer has put the new rows in the DOM (it may take a frame), then style and layout.
    const expected = status ? filterCaseload(rows, { statuses: [status] }).length : rows.length;
    for (let wait = 0; wait < 120 && !rowsShow(label, expected); wait++) await frame();
    void el.shadowRoot.querySelector('[part="body"]').offsetHeight;
    filter.ours.push(performance.now() - t0);
    await frame();
    filter.oursToFrame.push(performance.now() - t0);
  }
  host.remove();

  const baseHost = document.createElement('div');
  baseHost.className = 'host';
  document.body.append(baseHost);
  render(baselineList(rows), baseHost);
  await frame();
  for (let i = 0; i < UPDATES; i++) {
    const status = STATUSES[i % STATUSES.length];
    await frame();
    const t0 = performance.now();
    render(baselineList(status ? filterCaseload(rows, { statuses: [status] }) : rows), baseHost);
    void baseHost.offsetHeight;
    filter.baseline.push(performance.now() - t0);
  }
  baseHost.remove();

  window.__bench = {
    done: true,
    referrals: referrals.length,
    first: {
      ...first,
      oursMedian: median(first.ours),
      baselineMedian: median(first.baseline),
      oursBest: best(first.ours),
      baselineBest: best(first.baseline),
    },
    filter: {
      ...filter,
      oursMedian: median(filter.ours),
      oursToFrameMedian: median(filter.oursToFrame),
      baselineMedian: median(filter.baseline),
      oursBest: best(filter.ours),
      baselineBest: best(filter.baseline),
    },
  };
}

main().catch((error) => {
  window.__bench = { done: true, error: String(error && error.stack ? error.stack : error) };
});
