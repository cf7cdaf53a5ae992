// Main states of every element for the layout checks (reflow at 320 px and
// the screenshot baselines): fixed data, a pinned "now", every disclosure
// that matters open. Not part of the package's API.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import {
  AS_OF,
  demoComparison,
  demoEvaluation,
  demoMeasure,
  demoReferrals,
  demoRegister,
  demoScores,
  openAllDetails,
  samplePlan,
  sampleReferrals,
  settle,
  shadow,
} from './test-harness.js';

/** One state of one element: `render` mounts it in a fixture and resolves when it has settled. */
export interface LayoutScenario {
  readonly tag: string;
  readonly state: string;
  readonly render: () => Promise<HTMLElement>;
}

async function mount(template: TemplateResult, open = false): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(template);
  await settle(el);
  if (open) await openAllDetails(el);
  return el;
}

const now = () => new Date(AS_OF);

async function referralIn(status: string) {
  const found = [...(await sampleReferrals()), ...demoReferrals(30)].find((r) => r.status === status);
  if (!found) throw new Error(`no sample referral is ${status}`);
  return found;
}

const s = (tag: string, state: string, render: () => Promise<HTMLElement>): LayoutScenario => ({ tag, state, render });

/** Every element registered by all.ts (but the non-visual provider), in its main states. */
export const LAYOUT_SCENARIOS: readonly LayoutScenario[] = [
  s('links-framework-overview', 'the whole framework', () =>
    mount(html`<links-framework-overview></links-framework-overview>`),
  ),
  s('links-plan-editor', 'the sample plan, signposting, disclosures open', async () =>
    mount(html`<links-plan-editor .plan=${await samplePlan()} view="signposting"></links-plan-editor>`, true),
  ),
  s('links-plan-editor', 'the sample plan, details', async () =>
    mount(html`<links-plan-editor .plan=${await samplePlan()} view="details"></links-plan-editor>`, true),
  ),
  s('links-theme-focus', 'the sample plan, disclosures open', async () =>
    mount(html`<links-theme-focus .plan=${await samplePlan()}></links-theme-focus>`, true),
  ),
  s('links-pdsa-log', 'three cycles, one open', async () =>
    mount(
      html`<links-pdsa-log .plan=${await samplePlan()} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
      true,
    ),
  ),
  s('links-resource-finder', 'before a search', () => mount(html`<links-resource-finder></links-resource-finder>`)),
  s('links-network-register', 'active, quiet and ended relationships', () =>
    mount(html`<links-network-register .register=${demoRegister()} as-of="2026-11-20"></links-network-register>`),
  ),
  s('links-run-chart', 'a measure with a shift after its baseline and a target, table open', () =>
    mount(
      html`<links-run-chart .measure=${demoMeasure()} .target=${18} change-start="2023-11-01" table-open></links-run-chart>`,
    ),
  ),
  s('links-maturity-profile', 'a plan score against the previous revision', () => {
    const { latest, previous } = demoScores();
    return mount(
      html`<links-maturity-profile .score=${latest} .compare=${previous} label="Springburn"></links-maturity-profile>`,
    );
  }),
  s('links-capacity-card', 'criteria open', () =>
    mount(html`<links-capacity-card .score=${demoScores().latest.capacities[0]} criteria-open></links-capacity-card>`),
  ),
  s('links-cohort-comparison', 'programme against comparison practices', () =>
    mount(html`<links-cohort-comparison .comparison=${demoComparison()}></links-cohort-comparison>`),
  ),
  s('links-referral-form', 'errors shown', async () => {
    const el = await mount(
      html`<links-referral-form
        person="pt-new999"
        practice-id="springburn-hc"
        referrer-id="gp-sb-1"
        referral-id="ref-new"
        .eventId=${() => 'evt-1'}
        .now=${now}
      ></links-referral-form>`,
    );
    shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await settle(el);
    return el;
  }),
  s('links-caseload', 'the sample referrals', async () =>
    mount(html`<links-caseload .referrals=${await sampleReferrals()} as-of=${AS_OF}></links-caseload>`),
  ),
  s('links-referral-detail', 'an in-progress referral seen by the CLP', async () => {
    const r = await referralIn('in-progress');
    return mount(
      html`<links-referral-detail
        .referral=${r}
        user-role="clp"
        user-id=${r.clpId ?? 'clp-sb'}
        as-of="2025-03-31"
        .eventId=${() => 'ui-1'}
        .now=${now}
      ></links-referral-detail>`,
      true,
    );
  }),
  s('links-caseload-summary', 'figures from referrals, with practice names', () =>
    mount(
      html`<links-caseload-summary
        .referrals=${demoReferrals(30)}
        .practices=${[
          { id: 'practice-a', name: 'Possilpark', listSize: 6000 },
          { id: 'practice-b', listSize: 3000 },
        ]}
        as-of=${AS_OF}
      ></links-caseload-summary>`,
    ),
  ),
  s('links-outcome-form', 'ONS4, answered', () =>
    mount(
      html`<links-outcome-form .value=${{ 'life-satisfaction': 7, worthwhile: 8, happiness: 6, anxiety: 2 }}></links-outcome-form>`,
    ),
  ),
  s('links-programme-report', 'a programme evaluation, tables open', () =>
    mount(html`<links-programme-report .evaluation=${demoEvaluation()}></links-programme-report>`, true),
  ),
];
