import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { replay, type ReferralEvent, type ReferralState } from '@links-approach/core/referral';
import './referral-detail.js';
import '../resource-finder/resource-finder.js';
import type { LinksReferralDetail } from './referral-detail.js';
import { OnDemand } from '../internal/on-demand.js';

const CLP = { role: 'clp', id: 'clp-sb' } as const;
const GP = { role: 'referrer', id: 'gp-sb-1' } as const;

function referral(
  extra: (e: (at: string, actor: ReferralEvent['actor'], fields: Record<string, unknown>) => void) => void = () => {},
): ReferralState {
  const events: ReferralEvent[] = [];
  let n = 0;
  const e = (at: string, actor: ReferralEvent['actor'], fields: Record<string, unknown>) =>
    events.push({ id: `ev-${++n}`, referralId: 'ref-1', at, actor, ...fields } as unknown as ReferralEvent);
  e('2025-03-01T09:00:00Z', GP, {
    type: 'created',
    status: 'requested',
    person: 'pt-abc123',
    practiceId: 'springburn-hc',
    route: 'gp',
    reasons: [{ themeId: 'living-well-day-to-day', text: 'Lonely since retiring <b>bold</b>' }],
    urgency: 'routine',
    consent: ['contact', 'share-outcome-with-gp-record'],
  });
  extra(e);
  const result = replay(events);
  if (result.rejected.length) throw new Error(result.rejected[0]!.reason);
  return result.state.referrals[0]!;
}

const inProgress = () =>
  referral((e) => {
    e('2025-03-02T09:00:00Z', CLP, { type: 'status-changed', to: 'accepted' });
    e('2025-03-02T09:05:00Z', CLP, { type: 'status-changed', to: 'in-progress' });
    e('2025-03-03T10:00:00Z', CLP, { type: 'contact-recorded', setting: 'practice', durationMinutes: 40 });
    e('2025-03-03T10:45:00Z', CLP, {
      type: 'goal-added',
      goalId: 'g1',
      statement: 'Join a walking group',
      themeId: 'living-well-day-to-day',
      status: 'active',
    });
    e('2025-03-03T10:46:00Z', CLP, {
      type: 'resource-linked',
      linkId: 'l1',
      resource: { id: 'r-1', name: 'Springburn walking group' },
      mode: 'signposted',
    });
    e('2025-03-03T10:47:00Z', CLP, { type: 'note-added', text: '<img src=x onerror="window.__xss=1"> keen to start' });
  });

let counter = 0;
const setup = (r: ReferralState, role = 'clp', user = 'clp-sb') =>
  fixture<LinksReferralDetail>(html`<links-referral-detail
    .referral=${r}
    user-role=${role}
    user-id=${user}
    as-of="2025-03-20"
    .eventId=${() => `ui-${++counter}`}
    .now=${() => new Date('2025-03-20T12:00:00Z')}
  ></links-referral-detail>`);

const buttons = (el: LinksReferralDetail) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action-button"]'),
];
const button = (el: LinksReferralDetail, label: string) => buttons(el).find((b) => b.textContent!.trim() === label)!;
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<links-referral-detail>', () => {
  it('shows the facts, casework, the timeline as an audit trail and the message back; accessible', async () => {
    const el = await setup(inProgress());
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Referral ref-1');
    expect(root.querySelector('[part="status"]')!.textContent).to.equal('In progress');
    expect(clean(root.querySelector('[part="facts"]')!.textContent)).to.contain('Lonely since retiring <b>bold</b>');
    expect(root.querySelector('[part="facts"] b')).to.be.null;
    const timeline = [...root.querySelectorAll('[part="timeline"] li')];
    expect(timeline).to.have.length(7);
    expect(clean(timeline[1]!.textContent)).to.equal(
      '2025-03-02 09:00 Community Links Practitioner clp-sb Status changed to accepted',
    );
    expect(clean(timeline[6]!.textContent)).to.contain('<img src=x onerror="window.__xss=1"> keen to start');
    expect(root.querySelector('img')).to.be.null;
    expect((window as { __xss?: number }).__xss).to.be.undefined;
    expect(clean(root.querySelector('[aria-labelledby="goals-heading"]')!.textContent)).to.contain(
      'Join a walking group Living well day to day Active',
    );
    expect(clean(root.querySelector('[aria-labelledby="resources-heading"]')!.textContent)).to.contain(
      'Springburn walking group Signposted Suggested',
    );
    expect(clean(root.querySelector('[part="message-back"] summary')!.textContent)).to.equal(
      'Interim update for the GP and referrer',
    );
    expect(root.querySelector('[part="message-back"] pre')!.textContent).to.contain(
      'Contacts: 1, the first on 2025-03-03.',
    );
    await expect(el).to.be.accessible();
  });

  it('offers only the actions core allows for the user', async () => {
    const requested = referral();
    const clp = await setup(requested);
    expect(buttons(clp).map((b) => b.textContent!.trim())).to.deep.equal([
      'Accept',
      'Reject',
      'Cancel referral',
      'Record consent',
      'Record withdrawal of consent',
      'Set do not contact',
      'Add a note',
    ]);
    const gp = await setup(requested, 'referrer', 'gp-sb-1');
    expect(buttons(gp).map((b) => b.textContent!.trim())).to.not.include('Accept');
    const nobody = await setup(requested, 'clp', '');
    expect(buttons(nobody)).to.have.length(0);
    expect(nobody.shadowRoot!.textContent).to.contain('Actions are not available');
  });

  it('records an action: a validated event, a cancelable change event, the new state shown', async () => {
    const el = await setup(referral());
    button(el, 'Accept').click();
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!;
    setTimeout(() => form.requestSubmit());
    const change = (await oneEvent(el, 'links-referral-change')) as CustomEvent;
    expect(change.cancelable && change.bubbles && change.composed).to.be.true;
    expect(change.detail.event).to.deep.include({
      type: 'status-changed',
      to: 'accepted',
      referralId: 'ref-1',
      at: '2025-03-20T12:00:00.000Z',
    });
    expect(change.detail.event.actor).to.deep.equal({ role: 'clp', id: 'clp-sb' });
    expect(change.detail.previous.status).to.equal('requested');
    await el.updateComplete;
    expect(el.referral!.status).to.equal('accepted');
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Accepted');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      'Recorded: Status changed to accepted.',
    );
    expect(buttons(el).map((b) => b.textContent!.trim())).to.include('Start work');
  });

  it('shows core’s reason when the workflow refuses, and changes nothing', async () => {
    const el = await setup(referral());
    let fired = false;
    el.addEventListener('links-referral-change', () => (fired = true));
    button(el, 'Reject').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    const summary = el.shadowRoot!.querySelector('.error-summary')!;
    expect(clean(summary.textContent)).to.contain(
      'Reason: A reason is required to mark a referral "rejected": choose one of',
    );
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(el.shadowRoot!.querySelector('#' + CSS.escape('f-reasonCode'))!.getAttribute('aria-invalid')).to.equal(
      'true',
    );
    expect(fired).to.be.false;
    expect(el.referral!.status).to.equal('requested');
    await expect(el).to.be.accessible();

    // The coded reasons for a rejection, with their standard labels, then optional details.
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#f-reasonCode')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Choose a reason',
      'Not suitable for the Community Links service',
      'Needs another service',
      'Already supported elsewhere',
      'The person declined',
      'Duplicate referral',
      'Other reason',
    ]);
    select.value = 'needs-other-service';
    (el.shadowRoot!.querySelector('#f-reason') as HTMLTextAreaElement).value = 'Needs are clinical';
    setTimeout(() => el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit());
    const change = (await oneEvent(el, 'links-referral-change')) as CustomEvent;
    expect(change.detail.event).to.deep.include({
      to: 'rejected',
      reasonCode: 'needs-other-service',
      reason: 'Needs are clinical',
    });
    expect(change.detail.referral.statusReasonCode).to.equal('needs-other-service');
    await el.updateComplete;
    expect(clean(el.shadowRoot!.querySelector('.status-line .reason')!.textContent)).to.equal(
      'Reason: Needs another service: Needs are clinical',
    );
  });

  it('cancels a draft with a reason code; a user from another practice is offered nothing', async () => {
    const draft = replay([
      {
        id: 'd-1',
        referralId: 'ref-d',
        at: '2025-03-01T09:00:00Z',
        actor: GP,
        type: 'created',
        status: 'draft',
        person: 'pt-abc123',
        practiceId: 'springburn-hc',
        route: 'gp',
        reasons: [{ themeId: 'living-well-day-to-day' }],
        urgency: 'routine',
      } as ReferralEvent,
    ]).state.referrals[0]!;
    const outsider = await fixture<LinksReferralDetail>(html`<links-referral-detail
      .referral=${draft}
      user-role="referrer"
      user-id="gp-other"
      .userPractices=${['another-practice']}
    ></links-referral-detail>`);
    expect(buttons(outsider)).to.have.length(0);
    const el = await fixture<LinksReferralDetail>(html`<links-referral-detail
      .referral=${draft}
      user-role="referrer"
      user-id="gp-sb-2"
      .userPractices=${['springburn-hc']}
      .eventId=${() => `ui-${++counter}`}
      .now=${() => new Date('2025-03-20T12:00:00Z')}
    ></links-referral-detail>`);
    button(el, 'Cancel draft').click();
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#f-reasonCode')!;
    expect([...select.options].map((o) => o.value)).to.include('draft-not-sent');
    await expect(el).to.be.accessible();
    select.value = 'draft-not-sent';
    setTimeout(() => el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit());
    const change = (await oneEvent(el, 'links-referral-change')) as CustomEvent;
    expect(change.detail.event).to.deep.include({ to: 'cancelled', reasonCode: 'draft-not-sent' });
    expect(change.detail.event.actor).to.deep.equal({ role: 'referrer', id: 'gp-sb-2', practices: ['springburn-hc'] });
    expect(change.detail.referral.status).to.equal('cancelled');
  });

  it('shows the refusal when an outcome contradicts the record, and offers the on-hold reasons', async () => {
    const el = await setup(inProgress());
    button(el, 'Complete').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLSelectElement>('[data-path="outcome.code"]')!.value = 'goals-achieved';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await el.updateComplete;
    const refusal = el.shadowRoot!.querySelector('.refusal')!;
    expect(clean(refusal.textContent)).to.contain('needs at least one achieved goal');
    expect(el.referral!.status).to.equal('in-progress');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.action-form button.secondary')!.click();
    await el.updateComplete;
    button(el, 'Put on hold').click();
    await el.updateComplete;
    const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#f-reasonCode option')].map((o) => o.value);
    expect(options).to.deep.equal(['', 'person-asked-to-pause', 'person-unavailable', 'clp-unavailable', 'other']);
  });

  it('the response due date follows the urgency: an urgent referral is due in 2 working days', async () => {
    const urgent = replay([
      {
        id: 'u-1',
        referralId: 'ref-u',
        at: '2025-03-06T10:00:00Z', // a Thursday
        actor: GP,
        type: 'created',
        status: 'requested',
        person: 'pt-abc123',
        practiceId: 'springburn-hc',
        route: 'gp',
        reasons: [{ themeId: 'living-well-day-to-day' }],
        urgency: 'urgent',
      } as ReferralEvent,
    ]).state.referrals[0]!;
    const el = await setup(urgent);
    const facts = () => clean(el.shadowRoot!.querySelector('[part="facts"]')!.textContent);
    expect(facts()).to.contain('Overdue: was due 2025-03-10');
    el.asOf = '2025-03-07';
    await el.updateComplete;
    expect(facts()).to.contain('Due by 2025-03-10');
  });

  it('checks fields with core and shows inline errors; records a contact', async () => {
    const el = await setup(inProgress());
    button(el, 'Record a contact').click();
    await el.updateComplete;
    const duration = el.shadowRoot!.querySelector<HTMLInputElement>('#f-durationMinutes')!;
    duration.value = 'forty';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect(clean(el.shadowRoot!.querySelector('#f-durationMinutes-error')!.textContent)).to.equal(
      'Error: must be a number, not text',
    );
    duration.value = '45';
    setTimeout(() => el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit());
    const change = (await oneEvent(el, 'links-referral-change')) as CustomEvent;
    expect(change.detail.event).to.deep.include({ type: 'contact-recorded', setting: 'practice', durationMinutes: 45 });
    expect(change.detail.referral.contacts).to.have.length(2);
  });

  it('keeps the referral as it was when the host cancels the change', async () => {
    const before = inProgress();
    const el = await setup(before);
    el.addEventListener('links-referral-change', (e) => e.preventDefault());
    button(el, 'Add a note').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-text')!.value = 'Phoned daughter';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await el.updateComplete;
    expect(el.referral).to.equal(before);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Not recorded');
  });

  it('links a resource chosen in the resource-finder slot', async () => {
    const el = await fixture<LinksReferralDetail>(html`<links-referral-detail
      .referral=${inProgress()}
      user-role="clp"
      user-id="clp-sb"
      .now=${() => new Date('2025-03-20T12:00:00Z')}
    >
      <div slot="resource-finder" id="finder">A resource finder</div>
    </links-referral-detail>`);
    button(el, 'Link a resource').click();
    await el.updateComplete;
    const finder = el.querySelector('#finder')!;
    finder.dispatchEvent(
      new CustomEvent('links-resource-select', {
        bubbles: true,
        composed: true,
        detail: {
          resource: { id: 'aliss:42', name: 'Men’s Shed', provenance: { source: 'aliss', sourceName: 'ALISS' } },
        },
      }),
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#' + CSS.escape('f-resource_2e_name'))!.value).to.equal(
      'Men’s Shed',
    );
    setTimeout(() => el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit());
    const change = (await oneEvent(el, 'links-referral-change')) as CustomEvent;
    expect(change.detail.event.resource).to.deep.equal({ id: 'aliss:42', name: 'Men’s Shed', source: 'ALISS' });
    expect(change.detail.event.linkId, 'a new random link id from core').to.match(/^l-[0-9a-f-]{36}$/);
  });
  it('opening "Link a resource" puts focus in the slotted finder’s search box, or on the first field if the slot holds nothing focusable', async () => {
    const el = await fixture<LinksReferralDetail>(html`<div>
      <links-referral-detail .referral=${inProgress()} user-role="clp" user-id="clp-sb">
        <links-resource-finder slot="resource-finder"></links-resource-finder>
      </links-referral-detail>
      <links-referral-detail .referral=${inProgress()} user-role="clp" user-id="clp-sb">
        <div slot="resource-finder">Search the directory in the other window</div>
      </links-referral-detail>
    </div>`);
    const [withFinder, withText] = [...el.querySelectorAll<LinksReferralDetail>('links-referral-detail')];
    await withFinder!.updateComplete;
    button(withFinder!, 'Link a resource').click();
    await withFinder!.updateComplete;
    await new Promise((r) => setTimeout(r));
    const finder = withFinder!.querySelector('links-resource-finder')!;
    expect(document.activeElement?.localName).to.equal('links-resource-finder');
    expect(finder.shadowRoot!.activeElement?.id).to.equal('text');

    await withText!.updateComplete;
    button(withText!, 'Link a resource').click();
    await withText!.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(document.activeElement === withText, 'focus is in the second referral detail').to.equal(true);
    expect(withText!.shadowRoot!.activeElement?.id).to.equal('f-resource_2e_name');
  });

  it('offline before core’s checks were loaded: says so in plain words at the action and records nothing', async () => {
    const el = await setup(referral());
    (el as unknown as { checks: OnDemand<unknown> }).checks = new OnDemand(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    let changes = 0;
    el.addEventListener('links-referral-change', () => (changes += 1));
    button(el, 'Accept').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await el.updateComplete;
    expect(clean(el.shadowRoot!.querySelector('.refusal')!.textContent)).to.equal(
      'This was not recorded This could not be checked: part of the page did not load. Nothing was sent. Check the connection and try again.',
    );
    expect(changes).to.equal(0);
    expect(el.referral!.status).to.equal('requested');
    await expect(el).to.be.accessible();
  });
});
