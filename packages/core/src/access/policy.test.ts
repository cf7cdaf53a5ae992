import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCESS_POLICY,
  SERVICE_ROLES,
  decideAccess,
  practicesInScope,
  workflowRole,
  type AccessUser,
} from './index.js';

const gp: AccessUser = { id: 'gp-1', role: 'referrer', practices: ['p1'] };
const clp: AccessUser = { id: 'clp-1', role: 'clp', practices: ['p1', 'p2'] };
const evaluator: AccessUser = { id: 'ev-1', role: 'evaluator', practices: [] };
const admin: AccessUser = { id: 'ad-1', role: 'administrator', practices: [] };

test('a referrer reads and writes referrals only at their own practice', () => {
  assert.deepEqual(decideAccess(gp, 'referral', 'write', 'p1'), { ok: true });
  const refused = decideAccess(gp, 'referral', 'read', 'p2');
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.refusal.code, 'outside-practice');
});

test('a CLP reaches every practice they serve', () => {
  assert.equal(decideAccess(clp, 'referral', 'write', 'p2').ok, true);
  assert.deepEqual(practicesInScope(clp, 'referral'), ['p1', 'p2']);
});

test('an evaluator sees aggregates for every practice and no person-level data', () => {
  assert.equal(practicesInScope(evaluator, 'report'), 'all');
  for (const resource of ['referral', 'fhir', 'outcomes'] as const) {
    const decision = decideAccess(evaluator, resource, 'read');
    assert.equal(decision.ok, false);
    assert.match(!decision.ok ? decision.refusal.reason : '', /evaluator role may not read/);
  }
});

test('only an administrator reads the audit trail, and never a referral', () => {
  for (const role of SERVICE_ROLES) assert.equal(ACCESS_POLICY[role].audit.read, role === 'administrator');
  assert.equal(decideAccess(admin, 'referral', 'read', 'p1').ok, false);
});

test('only a practice manager saves the business plan', () => {
  assert.deepEqual(
    SERVICE_ROLES.filter((role) => ACCESS_POLICY[role].plan.write),
    ['practice-manager'],
  );
});

test('service roles map onto the workflow roles; evaluators and administrators write no events', () => {
  assert.equal(workflowRole('clp'), 'clp');
  assert.equal(workflowRole('practice-manager'), 'practice-manager');
  assert.equal(workflowRole('evaluator'), undefined);
  assert.equal(workflowRole('administrator'), undefined);
});
