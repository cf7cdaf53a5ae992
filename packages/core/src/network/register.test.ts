import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addRelationship,
  checkQuiet,
  createNetworkRegister,
  endRelationship,
  looksLikeContactDetails,
  networkMetrics,
  reactivateRelationship,
  recordContact,
  setAlissListing,
  updateRelationship,
  validateNetworkRegister,
  type NetworkRegister,
  type RegisterResult,
} from '../test-all.js';

function value(result: RegisterResult): NetworkRegister {
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
  return result.value;
}

const CLP = { by: 'CLP' };

function sample(): NetworkRegister {
  let reg = createNetworkRegister('practice-1');
  reg = value(
    addRelationship(
      reg,
      {
        organisation: { name: 'Brightwater Community Trust', resourceId: 'aliss:abc' },
        contactRole: 'volunteer coordinator',
        alissListing: 'listed',
      },
      { on: '2024-01-10', ...CLP },
    ),
  );
  reg = value(
    addRelationship(
      reg,
      { organisation: { name: 'Eastfield Men’s Shed' }, contactRole: 'chair', contactLabel: 'Tuesday lead' },
      { on: '2024-02-01', ...CLP },
    ),
  );
  reg = value(
    addRelationship(
      reg,
      { organisation: { name: 'Kelvinbrook Song Circle' }, contactRole: 'organiser' },
      { on: '2024-03-01', ...CLP },
    ),
  );
  return reg;
}

describe('community network register', () => {
  test('adding relationships gives each an id, a start date, a listing and an "added" event; the input is untouched', () => {
    const empty = createNetworkRegister('practice-1');
    const frozen = Object.freeze(empty);
    const reg = value(
      addRelationship(
        frozen,
        { organisation: { name: 'Brightwater Community Trust' }, contactRole: 'volunteer coordinator' },
        { on: '2024-01-10', by: 'CLP' },
      ),
    );
    assert.equal(empty.relationships.length, 0);
    const [rel] = reg.relationships;
    assert.equal(rel!.id, 'rel-1');
    assert.equal(rel!.since, '2024-01-10');
    assert.equal(rel!.alissListing, 'not-listed');
    assert.equal(rel!.visits, 0);
    assert.deepEqual(rel!.history, [{ type: 'added', on: '2024-01-10', by: 'CLP', listing: 'not-listed' }]);
    const more = value(
      addRelationship(reg, { organisation: { name: 'Other' }, contactRole: 'manager' }, { on: '2024-01-11' }),
    );
    assert.equal(more.relationships[1]!.id, 'rel-2');
    assert.ok(validateNetworkRegister(more).ok);
  });

  test('the same organisation cannot be added twice while active', () => {
    const reg = sample();
    const again = addRelationship(
      reg,
      { organisation: { name: 'brightwater community trust' }, contactRole: 'manager' },
      { on: '2024-05-01' },
    );
    assert.deepEqual(again, {
      ok: false,
      errors: [
        {
          path: 'organisation.name',
          message: 'already has an active relationship in the register ("rel-1")',
          messageCode: 'network.organisation-active',
          params: { id: 'rel-1' },
        },
      ],
    });
    const sameResource = addRelationship(
      reg,
      { organisation: { name: 'BCT', resourceId: 'aliss:abc' }, contactRole: 'manager' },
      { on: '2024-05-01' },
    );
    assert.equal(sameResource.ok, false);
  });

  test('contact details of a person are refused: the register keeps roles', () => {
    const reg = createNetworkRegister();
    for (const [input, path] of [
      [{ organisation: { name: 'X' }, contactRole: 'jane@example.org' }, 'contactRole'],
      [{ organisation: { name: 'X' }, contactRole: 'chair', contactLabel: 'ring 07700 900123' }, 'contactLabel'],
    ] as const) {
      const result = addRelationship(reg, input, { on: '2024-01-01' });
      assert.ok(!result.ok);
      assert.equal(result.errors[0]!.path, path);
      assert.match(result.errors[0]!.message, /must not contain an e-mail address or phone number/);
    }
    const note = recordContact(sample(), 'rel-1', 'contact', { on: '2024-06-01', note: 'call back on 0141 496 0123' });
    assert.ok(!note.ok);
    assert.equal(note.errors[0]!.path, 'context.note');
    assert.equal(looksLikeContactDetails('met on 2024-05-01 about 12 referrals'), false, 'dates and counts are fine');
    assert.equal(looksLikeContactDetails('+44 7700 900123'), true);
  });

  test('contacts and visits update the last contact and the visit count, and are kept in the history', () => {
    let reg = sample();
    reg = value(recordContact(reg, 'rel-1', 'visit', { on: '2024-04-02', ...CLP, note: 'Visited the walking group' }));
    reg = value(recordContact(reg, 'rel-1', 'contact', { on: '2024-05-20', ...CLP }));
    reg = value(recordContact(reg, 'rel-1', 'visit', { on: '2024-03-15', ...CLP })); // entered late: an older visit
    const rel = reg.relationships[0]!;
    assert.equal(rel.lastContact, '2024-05-20', 'the latest date wins');
    assert.equal(rel.visits, 2);
    assert.deepEqual(
      rel.history.map((e) => e.type),
      ['added', 'visited', 'contacted', 'visited'],
    );
    const early = recordContact(reg, 'rel-1', 'contact', { on: '2023-12-31' });
    assert.deepEqual(early, {
      ok: false,
      errors: [
        {
          path: 'context.on',
          message: 'must not be before the relationship began',
          messageCode: 'network.before-since',
          params: {},
        },
      ],
    });
    const badDate = recordContact(reg, 'rel-1', 'contact', { on: '2024-02-30' });
    assert.ok(!badDate.ok);
    assert.equal(badDate.errors[0]!.path, 'context.on');
    const unknown = recordContact(reg, 'rel-99', 'contact', { on: '2024-06-01' });
    assert.deepEqual(unknown, {
      ok: false,
      errors: [
        {
          path: 'id',
          message: 'has no relationship with the id "rel-99"',
          messageCode: 'network.unknown-relationship',
          params: { id: 'rel-99' },
        },
      ],
    });
  });

  test('the ALISS listing can move to helped-to-list, recorded as an event; setting the same listing changes nothing', () => {
    let reg = sample();
    reg = value(
      setAlissListing(reg, 'rel-2', 'helped-to-list', {
        on: '2024-04-01',
        ...CLP,
        note: 'Helped them write their listing',
      }),
    );
    assert.equal(reg.relationships[1]!.alissListing, 'helped-to-list');
    assert.deepEqual(reg.relationships[1]!.history.at(-1), {
      type: 'listing-changed',
      on: '2024-04-01',
      by: 'CLP',
      note: 'Helped them write their listing',
      listing: 'helped-to-list',
    });
    const same = setAlissListing(reg, 'rel-2', 'helped-to-list', { on: '2024-04-02' });
    assert.ok(same.ok);
    assert.equal(same.value, reg, 'no change, same object');
    assert.equal(setAlissListing(reg, 'rel-2', 'maybe' as never, { on: '2024-04-02' }).ok, false);
  });

  test('updating details records which fields changed; the label can be removed', () => {
    let reg = sample();
    reg = value(
      updateRelationship(reg, 'rel-2', { contactRole: 'secretary', contactLabel: null }, { on: '2024-04-01', ...CLP }),
    );
    const rel = reg.relationships[1]!;
    assert.equal(rel.contactRole, 'secretary');
    assert.equal('contactLabel' in rel, false);
    assert.deepEqual(rel.history.at(-1), {
      type: 'updated',
      on: '2024-04-01',
      by: 'CLP',
      changed: ['contactRole', 'contactLabel'],
    });
    const none = updateRelationship(reg, 'rel-2', { contactRole: 'secretary' }, { on: '2024-04-02' });
    assert.ok(none.ok && none.value === reg);
    const bad = updateRelationship(reg, 'rel-2', { organisation: { name: '' } }, { on: '2024-04-02' });
    assert.ok(!bad.ok);
    assert.equal(bad.errors[0]!.path, 'changes.organisation.name');
  });

  test('ending needs a reason; an ended relationship takes no contacts until reactivated', () => {
    let reg = sample();
    assert.deepEqual(endRelationship(reg, 'rel-3', { on: '2024-06-01' }), {
      ok: false,
      errors: [
        {
          path: 'context.note',
          message: 'is required: say why the relationship ended',
          messageCode: 'network.end-reason-required',
          params: {},
        },
      ],
    });
    reg = value(endRelationship(reg, 'rel-3', { on: '2024-06-01', note: 'Group has closed' }));
    assert.equal(reg.relationships[2]!.status, 'ended');
    assert.equal(recordContact(reg, 'rel-3', 'contact', { on: '2024-06-02' }).ok, false);
    // The organisation can be added afresh, or the old relationship reactivated.
    reg = value(reactivateRelationship(reg, 'rel-3', { on: '2024-09-01', note: 'Restarted' }));
    assert.equal(reg.relationships[2]!.status, 'active');
    assert.deepEqual(
      reg.relationships[2]!.history.map((e) => e.type),
      ['added', 'ended', 'reactivated'],
    );
  });

  test('metrics count active relationships, resources listed, visits and quiet relationships for the two capacities', () => {
    let reg = sample();
    reg = value(recordContact(reg, 'rel-1', 'visit', { on: '2024-09-01' }));
    reg = value(setAlissListing(reg, 'rel-2', 'helped-to-list', { on: '2024-04-01' }));
    reg = value(recordContact(reg, 'rel-2', 'contact', { on: '2024-04-01' }));
    reg = value(
      addRelationship(reg, { organisation: { name: 'Closed Club' }, contactRole: 'chair' }, { on: '2024-01-01' }),
    );
    reg = value(endRelationship(reg, 'rel-4', { on: '2024-02-01', note: 'Closed' }));
    const m = networkMetrics(reg, '2024-10-15');
    assert.equal(m.activeRelationships, 3);
    assert.equal(m.endedRelationships, 1);
    assert.deepEqual(m.listing, { listed: 1, notListed: 1, helpedToList: 1 });
    assert.equal(m.resourcesListed, 2);
    assert.equal(m.visits, 1);
    // rel-2: last contact 1 April → 6 months by 15 Oct; rel-3: never contacted, added 1 March → 7 months. rel-1 visited in September.
    assert.deepEqual(m.quiet, [
      { id: 'rel-3', organisation: 'Kelvinbrook Song Circle', monthsSinceContact: 7, everContacted: false },
      { id: 'rel-2', organisation: 'Eastfield Men’s Shed', monthsSinceContact: 6, everContacted: true },
    ]);
    const figures = Object.fromEntries(m.capacities.map((c) => [`${c.capacity}/${c.measure}`, c.value]));
    assert.deepEqual(figures, {
      'network-building/active-relationships': 3,
      'network-building/quiet-relationships': 2,
      'network-building/visits': 1,
      'intelligence/resources-listed': 2,
      'intelligence/helped-to-list': 1,
    });
    assert.equal(
      networkMetrics(reg, '2024-09-30').quiet.length,
      1,
      'a day before 6 months for rel-2 it is not quiet yet',
    );
  });

  test('checkQuiet explains itself', () => {
    const reg = sample();
    assert.deepEqual(checkQuiet(reg.relationships[2]!, '2024-10-15'), {
      quiet: true,
      monthsSinceContact: 7,
      everContacted: false,
      text: 'no contact since it was added 7 months ago',
    });
    const contacted = value(recordContact(reg, 'rel-1', 'contact', { on: '2024-10-01' })).relationships[0]!;
    assert.equal(checkQuiet(contacted, '2024-10-15').text, 'contacted within the last month');
    assert.equal(checkQuiet(contacted, '2025-06-15').text, 'no contact for 8 months');
  });

  test('a stored register is validated with JSON paths, including the cross-field rules', () => {
    const reg = structuredClone(sample()) as unknown as { relationships: Record<string, unknown>[] } & Record<
      string,
      unknown
    >;
    reg.relationships[0]!['lastContact'] = '2023-01-01';
    reg.relationships[1]!['visits'] = -1;
    reg['kind'] = 'other';
    const result = validateNetworkRegister(reg);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.path),
      ['kind', 'relationships[1].visits'],
    );
    (reg as Record<string, unknown>)['kind'] = 'links.network-register';
    reg.relationships[1]!['visits'] = 0;
    const rules = validateNetworkRegister(reg);
    assert.ok(!rules.ok);
    assert.deepEqual(rules.errors, [
      {
        path: 'relationships[0].lastContact',
        message: 'must not be before the relationship began (since)',
        messageCode: 'network.last-contact-before-since',
        params: {},
      },
    ]);
  });
});
