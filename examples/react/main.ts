// A React 19 page built from @links-approach/react's wrappers, written with
// createElement (no JSX, so the dev server serves it as it is). React state holds
// the business plan and the referrals; the elements' typed event props update it:
// - the framework overview opens a capacity in the plan editor (through a ref: the
//   editor owns which capacity is open, so it is not a prop React keeps setting);
// - the plan editor is controlled: onPlanChange stores the new plan, and the
//   maturity profile is re-scored from it by core's scorePlan;
// - the referral form's onReferralCreate adds the referral to React's list, which
//   goes back to the form so it can warn about a second open referral.
import { StrictMode, createElement as h, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  FrameworkOverview,
  MaturityProfile,
  PlanEditor,
  ReferralForm,
  type LinksPlanEditor,
} from '@links-approach/react';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { scorePlan } from '@links-approach/core/maturity';
import type { ReferralState } from '@links-approach/core/referral';

const PEOPLE = ['pt-sb-51a0', 'pt-sb-2c71', 'pt-sb-9e04'];

async function loadSamplePlan(): Promise<Plan> {
  const response = await fetch(new URL('../data/sample-plan.json', import.meta.url));
  const result = parsePlanDocument(await response.json());
  if (!result.ok) throw new Error(`${result.errors[0]?.path}: ${result.errors[0]?.message}`);
  return result.value;
}

/** A titled section of the page, styled like the intranet demo's. */
function Section({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return h(
    'section',
    { className: 'demo-section', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    children,
  );
}

let lines = 0;

function App() {
  const [plan, setPlan] = useState<Plan>();
  const [opened, setOpened] = useState<Plan>();
  const [problem, setProblem] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [referrals, setReferrals] = useState<readonly ReferralState[]>([]);
  const [person, setPerson] = useState(PEOPLE[0]!);
  const [log, setLog] = useState<{ id: number; line: string }[]>([]);
  const editor = useRef<LinksPlanEditor>(null);

  useEffect(() => {
    loadSamplePlan().then(
      (loaded) => {
        setPlan(loaded);
        setOpened(loaded);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  const score = useMemo(() => (plan ? scorePlan(plan) : undefined), [plan]);
  const scoreWhenOpened = useMemo(() => (opened ? scorePlan(opened) : undefined), [opened]);
  const heard = (line: string) => setLog((entries) => [{ id: ++lines, line }, ...entries].slice(0, 12));

  if (problem) return h('p', { role: 'alert' }, `The sample plan could not be loaded: ${problem}`);
  if (!plan || !score) return h('p', null, 'Loading the sample plan…');

  return h(
    'div',
    { className: 'react-layout' },
    h(
      'div',
      null,
      h(
        Section,
        { id: 'framework', title: 'The framework' },
        h(FrameworkOverview, {
          sections: 'capacities',
          selectable: true,
          headingLevel: 3,
          selectedCapacity: selected,
          onCapacitySelect: (event) => {
            const { capacity } = event.detail;
            setSelected(capacity.id);
            if (editor.current) editor.current.view = capacity.id;
            heard(`onCapacitySelect: ${capacity.name}`);
            document.getElementById('business-plan-title')?.scrollIntoView({ behavior: 'smooth' });
          },
        }),
      ),
      h(
        Section,
        { id: 'business-plan', title: 'Our business plan' },
        h('p', null, 'Edits here go to React state (onPlanChange); the maturity profile below is scored from it.'),
        h(PlanEditor, {
          ref: editor,
          plan,
          headingLevel: 3,
          author: 'Practice manager',
          onPlanChange: (event) => {
            setPlan(event.detail.plan);
            heard('onPlanChange: React now holds the new plan');
          },
        }),
      ),
      h(
        Section,
        { id: 'plan-maturity', title: 'How far our plan has come' },
        h(
          'p',
          { className: 'react-summary', role: 'status' },
          `Overall level ${score.overall.level.toFixed(1)} of 5` +
            (scoreWhenOpened && scoreWhenOpened.overall.level !== score.overall.level
              ? ` (was ${scoreWhenOpened.overall.level.toFixed(1)} when this page opened)`
              : ''),
        ),
        h(MaturityProfile, {
          score,
          compare: scoreWhenOpened?.profile,
          compareLabel: 'When this page opened',
          label: 'Our plan, capacity by capacity',
          headingLevel: 3,
        }),
      ),
      h(
        Section,
        { id: 'referral', title: 'Refer someone to our Community Links Practitioner' },
        h(
          'p',
          null,
          h('label', { htmlFor: 'react-person' }, 'Person (the reference the GP system passes in) '),
          h(
            'select',
            {
              id: 'react-person',
              value: person,
              onChange: (event: { target: HTMLSelectElement }) => setPerson(event.target.value),
            },
            ...PEOPLE.map((p) => h('option', { key: p, value: p }, p)),
          ),
        ),
        h(ReferralForm, {
          person,
          practiceId: 'springburn-hc',
          referrerId: 'gp-sb-1',
          clpId: 'clp-sb',
          referrals,
          headingLevel: 3,
          onReferralCreate: (event) => {
            const { referral } = event.detail;
            setReferrals((list) => [...list, referral]);
            heard(`onReferralCreate: ${referral.id} for ${referral.person} (${referral.status})`);
          },
        }),
        h('h3', null, `Referrals made on this page: ${referrals.length}`),
        referrals.length === 0
          ? h('p', null, 'None yet. Refer the same person twice to see the duplicate warning.')
          : h('ul', null, ...referrals.map((r) => h('li', { key: r.id }, `${r.id}: ${r.person}, ${r.status}`))),
      ),
    ),
    h(
      'aside',
      { className: 'demo-section react-log', 'aria-labelledby': 'react-log-title' },
      h('h2', { id: 'react-log-title' }, 'What React heard'),
      log.length === 0
        ? h('p', null, 'Choose a capacity, edit the plan or send a referral: each event prop handler adds a line here.')
        : h('ol', { role: 'log' }, ...log.map(({ id, line }) => h('li', { key: id }, line))),
    ),
  );
}

const container = document.getElementById('app');
if (container) createRoot(container).render(h(StrictMode, null, h(App)));
