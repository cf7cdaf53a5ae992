// Two people at once, in real browsers (issue 15): a fresh Links service on
// PGlite for this file, the test page (test/team/index.html: the elements on
// <links-provider service-url>), and each person in a browser context of
// their own. Every check is what a person sees on their page, or what reached
// the service. "Within one second" is measured and printed, never asserted
// (no timed assertions): each wait fails only if the thing never shows within
// SEE_WITHIN_MS (10 s).
//
//   node scripts/test-node.mjs test/team/team.test.mjs
/* global t, console, document, Event, window -- Node, and functions run in the page (t: the helpers harness.mjs defines there) */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/lib.mjs';
import { axeViolations, see, startTeam, timed } from './harness.mjs';

/** Ids unique to this run. */
const RUN = Math.random().toString(36).slice(2, 8);
const ASH = 'practice-ash';
const BIRCH = 'practice-birch';
const figures = [];
const report = (line) => {
  figures.push(line);
  console.log(`  figure: ${line}`);
};

let team;
before(async () => {
  team = await startTeam();
});
after(async () => {
  await team?.close();
  if (figures.length > 0)
    console.log(`two-person figures (loaded machine, one Chromium, loopback):\n  ${figures.join('\n  ')}`);
});

let eventCounter = 0;
const eventId = (prefix) => `${prefix}-${RUN}-${++eventCounter}`;
const now = () => new Date().toISOString();

/** A requested referral made by `gp` at `practice` (set up over HTTP, as another member of the team would). */
async function referral(gp, practice, id, { consent = ['contact'], started } = {}) {
  await team.api.append(
    gp,
    {
      id: eventId('created'),
      referralId: id,
      type: 'created',
      at: now(),
      status: 'requested',
      person: `pt-${RUN}${id.length}`,
      practiceId: practice,
      route: 'gp',
      reasons: [{ themeId: 'living-well-day-to-day' }],
      urgency: 'routine',
      consent,
    },
    0,
  );
  if (!started) return 1;
  await team.api.append(
    started,
    { id: eventId('accept'), referralId: id, type: 'status-changed', at: now(), to: 'accepted' },
    1,
  );
  await team.api.append(
    started,
    { id: eventId('start'), referralId: id, type: 'status-changed', at: now(), to: 'in-progress' },
    2,
  );
  return 3;
}

const detailStatus = (id) => t.detailStatus(id);

/** Every page error (uncaught exceptions and unhandled rejections) a person's page raised. */
const unexpected = (...lists) => lists.flat();

/** Clicks one of the referral detail's actions, fills the form and records it. */
async function act(page, label, fields = {}) {
  await page.evaluate((action) => t.button('links-referral-detail', action, '[part="action-button"]').click(), label);
  await page.waitForFunction(() => t.q('links-referral-detail', '[part="action-form"]'), { timeout: 10_000 });
  await page.evaluate((values) => {
    const form = t.q('links-referral-detail', '[part="action-form"]');
    for (const [name, value] of Object.entries(values)) {
      const control = form.querySelector(`[name="${name}"]`);
      control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
    form.requestSubmit();
  }, fields);
}

describe('two people at once, each in a browser of their own', () => {
  test('a GP refers; the CLP’s caseload shows it; the CLP accepts; the GP’s view shows “Accepted”', async () => {
    const id = `ref-a-${RUN}`;
    const [gp, clp] = await Promise.all([
      team.person('gp-ash', { show: 'refer,detail', practice: ASH, person: 'pt-7a2b9c', 'referral-id': id }),
      team.person('clp-ash', { show: 'caseload,detail', practice: ASH }),
    ]);
    // The CLP's caseload is connected and live before the GP acts.
    await see(clp.page, () => t.text(t.q('links-caseload', '[part="connection"]')).startsWith('Up to date'));

    await gp.page.evaluate(() => {
      for (const id of ['#f-route', '#f-reasons', '#f-consent']) t.q('links-referral-form', id).click();
    });
    const toCaseload = await timed(
      () => gp.page.evaluate(() => t.q('links-referral-form', '[part="send-button"]').click()),
      clp.page,
      (ref) => t.rows().some((row) => row.includes(ref)),
      id,
    );
    report(`a GP's new referral in the CLP's caseload (other browser): ${toCaseload.toFixed(0)} ms`);
    assert.equal(await see(gp.page, detailStatus, id), 'Requested', 'the GP sees what they sent');
    assert.match(
      await gp.page.evaluate(() => t.text(document.querySelector('#host-status'))),
      /^Referral ref-a-\w+ sent\.$/,
    );

    // The CLP opens it from the caseload and accepts it.
    await clp.page.evaluate((ref) => {
      t.rows();
      const row = t.qa('links-caseload', '[part="row"]').find((r) => t.text(r).includes(ref));
      row.querySelector('[part="open-button"]').click();
    }, id);
    assert.equal(await see(clp.page, detailStatus, id), 'Requested');
    await clp.page.evaluate(() => t.button('links-referral-detail', 'Accept', '[part="action-button"]').click());
    await clp.page.waitForFunction(() => t.q('links-referral-detail', '[part="action-form"]'), { timeout: 10_000 });
    const toGp = await timed(
      () => clp.page.evaluate(() => t.q('links-referral-detail', '[part="action-form"]').requestSubmit()),
      gp.page,
      (ref) => t.detailStatus(ref) === 'Accepted',
      id,
    );
    report(`the CLP's acceptance on the GP's view (other browser): ${toGp.toFixed(0)} ms`);
    assert.equal(await see(clp.page, detailStatus, id), 'Accepted');
    await see(clp.page, (ref) => t.rows().some((row) => row.includes(ref) && row.includes('Accepted')), id);

    const { events } = await team.api.read('clp-ash', id);
    assert.deepEqual(
      events.map((e) => [e.type, e.to ?? e.status, e.actor.id]),
      [
        ['created', 'requested', 'gp-ash'],
        ['status-changed', 'accepted', 'clp-ash'],
      ],
    );
    assert.deepEqual(unexpected(gp.errors, clp.errors), [], 'no script errors on either page');
    await Promise.all([gp.context.close(), clp.context.close()]);
  });

  test('the CLP goes offline, records a contact and a goal; a colleague changes the referral; back online, both reach the service once, in order, merged by replay; a now-refused change shows its reason and can be discarded; axe clean offline, waiting and refused', async () => {
    const id = `ref-b-${RUN}`;
    await referral('gp-ash', ASH, id, {
      consent: ['contact', 'share-with-community-organisation'],
      started: 'clp-ash',
    });
    const [clp, gp] = await Promise.all([
      team.person('clp-ash', { show: 'caseload,detail', practice: ASH, referral: id }),
      team.person('gp-ash', { show: 'detail', referral: id }),
    ]);
    assert.equal(await see(clp.page, detailStatus, id), 'In progress');
    assert.equal(await see(gp.page, detailStatus, id), 'In progress');
    await see(clp.page, () => t.text(t.q('links-referral-detail', '[part="connection"]')).startsWith('Up to date'));

    // No signal: the browser's offline mode (fetches and the live feed fail; navigator.onLine is false).
    await clp.page.setOfflineMode(true);
    await act(clp.page, 'Record a contact', { setting: 'home', durationMinutes: '40' });
    await see(clp.page, () => t.waiting() === 1);
    await act(clp.page, 'Add a goal', {
      statement: 'Join the Tuesday walking group',
      themeId: 'living-well-day-to-day',
    });
    await see(clp.page, () => t.waiting() === 2);
    await act(clp.page, 'Link a resource', {
      'resource.name': 'Ash Street walking group',
      'resource.id': 'res-walk-1',
      mode: 'referred',
    });
    await see(clp.page, () => t.waiting() === 3);
    assert.match(
      await see(clp.page, () => {
        const line = t.text(t.q('links-referral-detail', '[part="connection"]'));
        return line.startsWith('Offline') && line;
      }),
      /^Offline: showing what was up to date at .+\. 3 changes are waiting to be sent\.$/,
    );
    assert.match(
      await see(clp.page, () => {
        const line = t.qa('links-caseload', '[part="connection"]').map(t.text).join(' ');
        return line.includes('waiting') && line;
      }),
      /3 changes are waiting to be sent/,
      'the caseload counts them too',
    );
    assert.deepEqual(
      await axeViolations(clp.page, 'links-referral-detail'),
      [],
      'axe: the detail offline, changes waiting',
    );
    assert.deepEqual(await axeViolations(clp.page, 'links-caseload'), [], 'axe: the caseload offline, changes waiting');

    // Meanwhile the GP, online, records that the person withdrew consent to share with community organisations.
    await act(gp.page, 'Record withdrawal of consent', { scope: 'share-with-community-organisation' });
    await see(gp.page, () => t.text(t.q('links-referral-detail', '[part="timeline"]')).includes('Consent withdrawn'));
    const before = await team.api.read('gp-ash', id);
    assert.equal(before.events.at(-1).type, 'consent-withdrawn');

    // The line returns: the contact and the goal are replayed on the new stream and sent; the referral link is refused.
    const started = Date.now();
    await clp.page.setOfflineMode(false);
    await see(clp.page, () => t.waiting() === 0 && t.q('links-referral-detail', '[part="not-sent"]') !== null);
    report(`the CLP's queue sent and merged after the line returned: ${Date.now() - started} ms`);
    const notSent = await clp.page.evaluate(() => t.text(t.q('links-referral-detail', '[part="not-sent"]')));
    assert.match(notSent, /Not sent/);
    assert.match(notSent, /Why it was not sent: .*consent to share with a community organisation/i);
    const { events } = await team.api.read('clp-ash', id);
    const after = events.slice(before.events.length);
    assert.deepEqual(
      after.map((e) => e.type),
      ['contact-recorded', 'goal-added'],
      'both reach the service once, in the order recorded, after the colleague’s change',
    );
    assert.ok(
      after.every((e) => e.at < before.events.at(-1).at),
      'each keeps the time it was recorded at, before the colleague’s change',
    );
    // The CLP's view now holds the colleague's change and the CLP's own, in the order the record received them.
    const timeline = await see(clp.page, () => {
      const text = t.text(t.q('links-referral-detail', '[part="timeline"]'));
      return text.includes('Consent withdrawn') && text;
    });
    assert.match(timeline, /Consent withdrawn.*Contact .*\(40 minutes\).*Goal added: Join the Tuesday walking group/);
    assert.deepEqual(
      await axeViolations(clp.page, 'links-referral-detail'),
      [],
      'axe: a refused change with its reason',
    );

    await clp.page.evaluate(() => t.q('links-referral-detail', '[part="discard-button"]').click());
    await see(clp.page, () => t.q('links-referral-detail', '[part="not-sent"]') === null);
    assert.match(
      await clp.page.evaluate(() => t.text(t.q('links-referral-detail', '[role="status"].visually-hidden'))),
      /^Discarded: /,
    );
    assert.equal((await team.api.read('clp-ash', id)).events.length, events.length, 'discarding sends nothing');
    assert.deepEqual(unexpected(gp.errors, clp.errors), []);
    await Promise.all([gp.context.close(), clp.context.close()]);
  });

  test('with service-url alone, the detail and the caseload show the changes waiting to be sent offline', async () => {
    const id = `ref-q-${RUN}`;
    await referral('gp-ash', ASH, id, { started: 'clp-ash' });
    const clp = await team.person('clp-ash', { show: 'caseload,detail', practice: ASH, referral: id });
    try {
      assert.equal(await see(clp.page, detailStatus, id), 'In progress');
      await clp.page.setOfflineMode(true);
      await act(clp.page, 'Add a note', { text: 'Visited at home, no signal' });
      assert.match(
        await see(clp.page, () => t.text(t.q('links-referral-detail', '[role="status"].visually-hidden'))),
        /^Kept on this device/,
      );
      await see(clp.page, () => t.waiting() === 1);
      await clp.page.setOfflineMode(false);
      await see(clp.page, () => t.waiting() === 0);
    } finally {
      await clp.context.close();
    }
  });

  test('on a shared device, changes queued offline stay with the person who recorded them: the next person signed in sees nothing waiting and sends nothing; when the first signs back in, theirs are sent once', async () => {
    const id = `ref-s-${RUN}`;
    await referral('gp-ash', ASH, id, { started: 'clp-ash' });
    const text = `Visited at home, no signal (${RUN})`;
    const anna = await team.person('clp-ash', { show: 'caseload,detail', practice: ASH, referral: id });
    const device = anna.context; // one browser profile: one IndexedDB, shared by whoever signs in on it
    try {
      assert.equal(await see(anna.page, detailStatus, id), 'In progress');
      const before = (await team.api.read('clp-ash', id)).events.length;
      await anna.page.setOfflineMode(true);
      await act(anna.page, 'Add a note', { text });
      await see(anna.page, () => t.waiting() === 1);
      // Anna leaves the device with her note still waiting (signed out, page closed, no signal yet).
      assert.deepEqual(anna.errors, []);
      await anna.page.close();

      // Ben, a colleague, signs in on the same device, online.
      const ben = await team.person(
        'clp-ash-2',
        { show: 'caseload,detail', practice: ASH, referral: id },
        { context: device },
      );
      assert.equal(await see(ben.page, detailStatus, id), 'In progress');
      await see(ben.page, () => t.text(t.q('links-referral-detail', '[part="connection"]')).startsWith('Up to date'));
      assert.equal(await ben.page.evaluate(() => t.waiting()), 0, 'Ben sees nothing waiting in the detail');
      assert.ok(
        !(await ben.page.evaluate(() => t.qa('links-caseload', '[part="connection"]').map(t.text).join(' '))).includes(
          'waiting',
        ),
        'nor in the caseload',
      );
      assert.ok(
        !(await ben.page.evaluate(() => t.deepText())).includes('no signal'),
        'Anna’s note is not shown to Ben',
      );
      assert.deepEqual(
        await ben.page.evaluate(async () => (await window.__team.provider.serviceStores()).referrals.flush()),
        { sent: 0, refused: 0, waiting: 0 },
        'a flush as Ben sends nothing',
      );
      assert.equal(
        (await team.api.read('clp-ash', id)).events.length,
        before,
        'nothing reached the service under Ben’s name',
      );
      assert.deepEqual(ben.errors, []);
      await ben.page.close();

      // Anna signs back in on the device: her note is sent, once, as hers.
      const back = await team.person(
        'clp-ash',
        { show: 'caseload,detail', practice: ASH, referral: id },
        { context: device },
      );
      await see(
        back.page,
        (note) => t.waiting() === 0 && t.text(t.q('links-referral-detail', '[part="timeline"]')).includes(note),
        text,
      );
      const { events } = await team.api.read('clp-ash', id);
      const notes = events.filter((e) => e.type === 'note-added' && e.text === text);
      assert.equal(notes.length, 1, 'sent once');
      assert.equal(notes[0].actor.id, 'clp-ash', 'filed under the person who recorded it');
      assert.equal(events.length, before + 1);
      assert.deepEqual(back.errors, []);
    } finally {
      await device.close();
    }
  });

  test('recording through the service raises no page error', async () => {
    const id = `ref-e-${RUN}`;
    await referral('gp-ash', ASH, id);
    const gp = await team.person('gp-ash', { show: 'detail', referral: id });
    try {
      assert.equal(await see(gp.page, detailStatus, id), 'Requested');
      await act(gp.page, 'Add a note', { text: 'Daughter called the practice' });
      await see(gp.page, () =>
        t.text(t.q('links-referral-detail', '[role="status"].visually-hidden')).startsWith('Recorded'),
      );
      assert.deepEqual(gp.errors, []);
    } finally {
      await gp.context.close();
    }
  });

  test('two practice managers edit the same plan: the second save shows who saved first; after review and reapply both edits are in the final revision; axe clean on the conflict', async () => {
    const sample = JSON.parse(readFileSync(join(root, 'examples/data/sample-plan.json'), 'utf8'));
    const planId = `plan-c-${RUN}`;
    const practice = { id: ASH, name: 'Ash Street Medical Practice', cohort: 'programme', listSize: 6200 };
    const { revision, ...body } = { ...sample, id: planId, practice };
    void revision;
    await team.api.savePlan('pm-ash', body, 0);
    const [first, second] = await Promise.all([
      team.person('pm-ash', { show: 'plan', plan: planId }),
      team.person('pm-ash-2', { show: 'plan', plan: planId }),
    ]);
    for (const pm of [first, second])
      assert.equal(await see(pm.page, () => t.saveState() === 'saved' && t.saveState()), 'saved');
    const addAim = (page, statement) =>
      page.evaluate((text) => {
        const form = t
          .qa('links-plan-editor', 'form.add-form')
          .find((f) => t.text(f.querySelector('button[type="submit"]')) === 'Add aim');
        form.closest('details').open = true;
        form.querySelector('[name="statement"]').value = text;
        form.querySelector('button[type="submit"]').click();
      }, statement);

    // The second manager's edit is made on revision 1 while their line is down; the first saves revision 2.
    await second.page.setOfflineMode(true);
    await addAim(second.page, 'Second manager: a monthly drop-in.');
    await see(second.page, () => t.saveState() === 'error');
    await addAim(first.page, 'First manager: a list of local groups.');
    await see(
      first.page,
      () => t.saveState() === 'saved' && document.querySelector('links-plan-editor').plan.revision === 2,
    );
    await second.page.setOfflineMode(false);
    // Back online, the live feed tells the editor of revision 2, or the next save meets the 412: either way, the conflict.
    await see(second.page, () => {
      if (t.saveState() === 'error') t.q('links-plan-editor', 'button.retry')?.click();
      return t.saveState() === 'conflict';
    });
    const banner = await see(second.page, () => t.text(t.q('links-plan-editor', '[part="conflict"]')));
    assert.match(banner, /Revision 2 was saved by pm-ash at .+ while you were editing revision 1\./);
    assert.match(banner, /Your changes are kept here and have not been saved\./);
    assert.deepEqual(await axeViolations(second.page, 'links-plan-editor'), [], 'axe: the conflict banner');

    // Review and reapply: the second manager's edit is reapplied on revision 2 (no field changed both ways), then saved.
    await second.page.evaluate(() => t.button('links-plan-editor', 'Review and reapply my changes').click());
    await see(
      second.page,
      () => t.saveState() === 'saved' && document.querySelector('links-plan-editor').plan.revision === 3,
    );
    const history = (await team.api.get('pm-ash', `plans/${planId}/history`)).body.revisions;
    const aims = (plan) => plan.capacities.awareness.aims.map((a) => a.statement);
    assert.deepEqual(
      history.map((p) => p.savedBy),
      ['pm-ash', 'pm-ash', 'pm-ash-2'],
    );
    assert.ok(
      aims(history[1]).includes('First manager: a list of local groups.'),
      'the first edit is kept in revision 2',
    );
    for (const aim of ['First manager: a list of local groups.', 'Second manager: a monthly drop-in.'])
      assert.ok(aims(history[2]).includes(aim), `both edits are in the final revision: ${aim}`);
    // The first manager's editor follows to revision 3 live.
    await see(first.page, () => document.querySelector('links-plan-editor').plan.revision === 3);
    assert.deepEqual(unexpected(first.errors, second.errors), []);
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test('a GP at one practice sees no referral of another in any element; the evaluator sees aggregates only', async () => {
    const ash = `ref-d-ash-${RUN}`;
    const birch = `ref-d-birch-${RUN}`;
    await referral('gp-ash', ASH, ash);
    await referral('gp-birch', BIRCH, birch);

    const gp = await team.person('gp-ash', { show: 'caseload,detail', practice: BIRCH, referral: birch });
    assert.equal(
      await see(gp.page, () => t.text(t.q('links-referral-detail', '.load-error'))),
      'This referral was not found, or you may not see it.',
    );
    const birchCaseload = await see(gp.page, () => {
      const count = t.text(t.q('links-caseload', '[part="count"]'));
      const error = t.text(t.q('links-caseload', '.load-error'));
      return (
        (error || count.startsWith('Showing 0 of 0')) && {
          count,
          error,
          rows: t.rows().length,
        }
      );
    });
    assert.equal(
      birchCaseload.rows,
      0,
      `practice B's caseload shows the GP nothing (${JSON.stringify(birchCaseload)})`,
    );
    // Their own practice's caseload shows their referral, and still not the other practice's.
    await gp.page.evaluate(() => document.querySelector('links-caseload').setAttribute('practice', 'practice-ash'));
    await see(gp.page, (ref) => t.rows().some((row) => row.includes(ref)), ash);
    assert.ok(
      !(await gp.page.evaluate(() => t.deepText())).includes(birch),
      'practice B’s referral appears nowhere on the page',
    );

    const evaluator = await team.person('evaluator', { show: 'caseload,detail,report', practice: ASH, referral: ash });
    const figuresLine = await see(evaluator.page, () => t.text(document.querySelector('#report-figures')));
    assert.match(
      figuresLine,
      /^Aggregates for 2 programme and 1 comparison practices\. \d+ referrals at programme practices\.$/,
    );
    assert.ok(
      await see(evaluator.page, () => t.text(t.root('links-cohort-comparison')).length > 0),
      'the cohort comparison shows',
    );
    assert.equal(
      await see(evaluator.page, () => t.text(t.q('links-referral-detail', '.load-error'))),
      'This referral was not found, or you may not see it.',
    );
    const evaluatorCaseload = await see(evaluator.page, () => {
      const error = t.text(t.q('links-caseload', '.load-error'));
      const count = t.text(t.q('links-caseload', '[part="count"]'));
      return (
        (error || count.startsWith('Showing 0 of 0')) && {
          error,
          count,
          rows: t.rows().length,
        }
      );
    });
    assert.equal(
      evaluatorCaseload.rows,
      0,
      `the evaluator's caseload lists no referral (${JSON.stringify(evaluatorCaseload)})`,
    );
    const text = await evaluator.page.evaluate(() => t.deepText());
    for (const ref of [ash, birch]) assert.ok(!text.includes(ref), `${ref} appears nowhere on the evaluator's page`);
    assert.ok(!/pt-[0-9a-z]{6}/.test(text.replace(/pt-7a2b9c/g, '')), 'no person reference on the evaluator’s page');
    assert.deepEqual(unexpected(gp.errors, evaluator.errors), []);
    await Promise.all([gp.context.close(), evaluator.context.close()]);
  });
});
