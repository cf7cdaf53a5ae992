import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isFollowUpOverdue, newReferralItemId, refusalField, referralIdSchema, followUpsDue } from './index.js';

describe('referral casework rules', () => {
  it('new item ids carry the kind prefix, differ every time, and are valid referral ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newReferralItemId('goal')));
    assert.equal(ids.size, 50);
    for (const id of ids) {
      assert.match(id, /^g-/);
      assert.equal(referralIdSchema.safeParse(id).success, true, id);
    }
    assert.match(newReferralItemId('resource-link'), /^l-/);
    assert.match(newReferralItemId('follow-up'), /^f-/);
  });

  it('a follow-up is overdue from the day after it was due, unless done', () => {
    const followUp = { id: 'f1', due: '2025-03-10', done: false };
    assert.equal(isFollowUpOverdue(followUp, '2025-03-10T23:59:00Z'), false, 'due today');
    assert.equal(isFollowUpOverdue(followUp, '2025-03-11'), true);
    assert.equal(isFollowUpOverdue(followUp, new Date('2025-04-01T09:00:00Z')), true);
    assert.equal(isFollowUpOverdue({ ...followUp, done: true }, '2025-04-01'), false, 'done');
    assert.equal(isFollowUpOverdue(followUp, 'not a date'), false, 'no usable date');
  });

  it('agrees with followUpsDue about what is overdue', () => {
    const referral = {
      id: 'r1',
      practiceId: 'p',
      status: 'in-progress',
      followUps: [
        { id: 'f1', due: '2025-03-01', done: false },
        { id: 'f2', due: '2025-03-05', done: false },
      ],
    } as unknown as Parameters<typeof followUpsDue>[0][number];
    for (const entry of followUpsDue([referral], { asOf: '2025-03-05' })) {
      assert.equal(entry.overdue, isFollowUpOverdue(entry.followUp, '2025-03-05'), entry.followUp.id);
    }
  });

  it('puts a refusal on the field it concerns, if the form shows one', () => {
    assert.equal(refusalField('reason-required', new Set(['reasonCode', 'reason'])), 'reasonCode');
    assert.equal(refusalField('reason-code-not-allowed', new Set(['reason'])), 'reason');
    assert.equal(refusalField('outcome-required', new Set(['outcome.code', 'outcome.summary'])), 'outcome.summary');
    assert.equal(refusalField('outcome-required', new Set(['reason'])), undefined);
    assert.equal(refusalField('role-not-allowed', new Set(['reason'])), undefined);
  });
});
