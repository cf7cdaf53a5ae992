import { expect, fixture, html } from '@open-wc/testing';
import {
  REFUSAL_MESSAGES_EN,
  refusalReason,
  replay,
  type RefusalParams,
  type ReferralEvent,
  type ReferralState,
  type RejectionCode,
} from '@links-approach/core/referral';
import { validationMessage } from '@links-approach/core';
import '../referral-detail/referral-detail.js';
import '../referral-form/referral-form.js';
import type { LinksReferralDetail } from '../referral-detail/referral-detail.js';
import type { LinksReferralForm } from '../referral-form/referral-form.js';
import { setLocale } from './localization.js';
import { issueText, refusalText } from './messages.js';

const CLP = { role: 'clp', id: 'clp-sb' } as const;
const GP = { role: 'referrer', id: 'gp-sb-1' } as const;

function inProgress(): ReferralState {
  const events = [
    {
      type: 'created',
      status: 'requested',
      person: 'pt-abc123',
      practiceId: 'springburn-hc',
      route: 'gp',
      urgency: 'routine',
      reasons: [{ themeId: 'living-well-day-to-day' }],
      consent: ['contact'],
      actor: GP,
      at: '2025-03-01T09:00:00Z',
    },
    { type: 'status-changed', to: 'accepted', actor: CLP, at: '2025-03-02T09:00:00Z' },
    { type: 'status-changed', to: 'in-progress', actor: CLP, at: '2025-03-02T09:05:00Z' },
  ].map((fields, i) => ({ id: `ev-${i + 1}`, referralId: 'ref-1', ...fields }) as unknown as ReferralEvent);
  const result = replay(events);
  if (result.rejected.length) throw new Error(result.rejected[0]!.reason);
  return result.state.referrals[0]!;
}

// One refusal of each code, with its parameters as core gives them.
const SAMPLES: { readonly [C in Exclude<RejectionCode, 'invalid-event'>]: RefusalParams[C] } = {
  'unknown-referral': { referralId: 'ref-9' },
  'referral-exists': { referralId: 'ref-9' },
  'wrong-referral': { referralId: 'ref-9', expected: 'ref-1' },
  'duplicate-event-id': { eventId: 'e-9' },
  'out-of-order': {
    kind: 'overwrites-later',
    at: '2025-01-01T09:00:00Z',
    previous: '2025-01-02T09:00:00Z',
    eventType: 'status-changed',
  },
  'role-not-allowed': { kind: 'status', to: 'accepted', roles: ['clp', 'practice-manager'], actor: 'referrer' },
  'not-assigned-clp': { clpId: 'clp-9' },
  'transition-not-allowed': { from: 'draft', to: 'completed', next: ['requested', 'cancelled'] },
  'referral-finished': { status: 'completed', eventType: 'note-added' },
  'not-allowed-in-status': { eventType: 'goal-added', status: 'requested', statuses: ['accepted', 'in-progress'] },
  'reason-required': { to: 'rejected', codes: ['not-suitable', 'duplicate'] },
  'reason-code-not-allowed': { to: 'rejected', reasonCode: 'moved-away', codes: ['not-suitable'] },
  'other-practice': { practiceId: 'practice-9', actor: 'referrer', actorId: 'gp-9', practices: ['practice-1'] },
  'self-referral-only': { field: 'route' },
  'outcome-contradicts-record': { outcome: 'goals-achieved', needs: 'achieved-goal' },
  'outcome-required': {},
  'do-not-contact': {},
  'no-consent-to-contact': { consent: 'withdrawn' },
  'no-consent-to-share': {},
  'unknown-theme': { themeId: 'astrology', framework: 'links 1.0.0', themes: ['a', 'b'] },
  'unknown-goal': { goalId: 'goal-9' },
  'duplicate-goal': { goalId: 'goal-9' },
  'unknown-resource-link': { linkId: 'link-9' },
  'duplicate-resource-link': { linkId: 'link-9' },
  'unknown-follow-up': { followUpId: 'fu-9' },
  'duplicate-follow-up': { followUpId: 'fu-9' },
  'follow-up-already-done': { followUpId: 'fu-9' },
  'previous-not-finished': { referralId: 'ref-0', status: 'in-progress' },
  'previous-other-person': { referralId: 'ref-0' },
  'previous-is-self': {},
};

const refusal = (code: RejectionCode, params: object) => ({
  code,
  params: params as never,
  reason: refusalReason(code, params as never),
});

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const submit = (el: LinksReferralDetail) =>
  el.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
const actionButton = (el: LinksReferralDetail, index: number) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action-button"]')][index]!;

describe('messages from core in the page’s language', () => {
  afterEach(() => setLocale('en-GB'));

  it('in English, shows core’s own words, unchanged', () => {
    for (const [code, params] of Object.entries(SAMPLES)) {
      const r = refusal(code as RejectionCode, params);
      expect(refusalText(r)).to.equal(r.reason);
    }
    const issue = { message: 'must not be empty', messageCode: 'text-empty', params: {} };
    expect(issueText(issue)).to.equal('must not be empty');
  });

  it('in Scottish Gaelic, says every refusal code core has in Gaelic, with its values', async () => {
    await setLocale('gd');
    expect(Object.keys(SAMPLES).sort()).to.deep.equal(
      Object.keys(REFUSAL_MESSAGES_EN)
        .filter((c) => c !== 'invalid-event')
        .sort(),
    );
    for (const [code, params] of Object.entries(SAMPLES)) {
      const r = refusal(code as RejectionCode, params);
      const text = refusalText(r);
      expect(text, code).to.not.equal(r.reason);
      expect(text.length, code).to.be.greaterThan(10);
      for (const id of [
        'ref-9',
        'clp-9',
        'goal-9',
        'link-9',
        'fu-9',
        'practice-9',
        'astrology',
        'ref-0',
        'moved-away',
      ]) {
        if (Object.values(params).includes(id)) expect(text, code).to.contain(id);
      }
    }
    // A refusal from an older store or server, without parameters, is shown as it came.
    expect(refusalText({ code: 'unknown-goal', reason: 'There is no goal "g".' })).to.equal('There is no goal "g".');
  });

  it('in Scottish Gaelic, says validation issues in Gaelic, and keeps core’s English for a code it does not know', async () => {
    await setLocale('gd');
    const tooLong = {
      message: validationMessage('text-too-long', { maximum: 200 }),
      messageCode: 'text-too-long',
      params: { maximum: 200 },
    };
    expect(issueText(tooLong)).to.not.equal(tooLong.message);
    expect(issueText(tooLong)).to.contain('200');
    expect(issueText({ message: 'is odd', messageCode: 'custom', params: { text: 'is odd' } })).to.equal('is odd');
    expect(issueText({ message: 'is odd' })).to.equal('is odd');
  });

  it('a Gaelic page shows the workflow’s refusal and the field errors in Gaelic', async () => {
    const el = await fixture<LinksReferralDetail>(html`<links-referral-detail
      .referral=${inProgress()}
      user-role="clp"
      user-id="clp-sb"
      as-of="2025-03-20"
      .now=${() => new Date('2025-03-20T12:00:00Z')}
    ></links-referral-detail>`);
    const labels = () =>
      [...el.shadowRoot!.querySelectorAll('[part="action-button"]')].map((b) => clean(b.textContent));
    const complete = labels().indexOf('Complete');
    const contact = labels().indexOf('Record a contact');
    await setLocale('gd');
    await el.updateComplete;
    // The action buttons are core's label codes, said in Gaelic.
    expect(labels()).to.not.include('Complete');

    // A refusal: completing with "goals achieved" when no goal is achieved.
    actionButton(el, complete).click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLSelectElement>('[data-path="outcome.code"]')!.value = 'goals-achieved';
    submit(el);
    await el.updateComplete;
    const refused = clean(el.shadowRoot!.querySelector('.refusal')!.textContent);
    expect(refused).to.not.contain('needs at least one achieved goal');
    expect(refused).to.contain('amas');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.action-form button.secondary')!.click();
    await el.updateComplete;

    // A validation issue: a duration that is not a number.
    actionButton(el, contact).click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('#f-durationMinutes')!.value = 'forty';
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    const error = clean(el.shadowRoot!.querySelector('#f-durationMinutes-error')!.textContent);
    expect(error).to.not.contain('must be a number');
    expect(error).to.contain('àireamh');
    expect(clean(el.shadowRoot!.querySelector('.error-summary')!.textContent)).to.contain('àireamh');
    await expect(el).to.be.accessible();

    // Back in English, the next refusal is core's English word for word.
    await setLocale('en-GB');
    el.shadowRoot!.querySelector<HTMLInputElement>('#f-durationMinutes')!.value = 'forty';
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(clean(el.shadowRoot!.querySelector('#f-durationMinutes-error')!.textContent)).to.equal(
      'Error: must be a number, not text',
    );
  });

  it('a Gaelic referral form names a person reference that looks like a CHI number in Gaelic', async () => {
    await setLocale('gd');
    const form = await fixture<LinksReferralForm>(
      html`<links-referral-form person="0101011234" practice-id="practice-a"></links-referral-form>`,
    );
    form.shadowRoot!.querySelector<HTMLInputElement>('input[name="reasons"]')?.click();
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await form.updateComplete;
    await form.updateComplete;
    const summary = clean(form.shadowRoot!.querySelector('.error-summary')?.textContent);
    expect(summary).to.contain('CHI');
    expect(summary).to.not.contain('looks like a CHI or NHS number');
    await expect(form).to.be.accessible();
  });
});
