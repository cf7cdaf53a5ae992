import { expect, fixture, html } from '@open-wc/testing';
import {
  NETWORK_MESSAGES_EN,
  addRelationship,
  createNetworkRegister,
  networkMessage,
  type NetworkRegister,
} from '@links-approach/core/network';
import { ONS4, OUTCOME_MESSAGES_EN, outcomeMessage } from '@links-approach/core/outcomes';
import { PLAN_MESSAGES_EN, parsePlanDocument, planMessage, type Plan } from '@links-approach/core/plan';
import '../network-register/network-register.js';
import '../outcome-form/outcome-form.js';
import '../pdsa-log/pdsa-log.js';
import type { LinksNetworkRegister } from '../network-register/network-register.js';
import type { LinksOutcomeForm } from '../outcome-form/outcome-form.js';
import type { LinksPdsaLog } from '../pdsa-log/pdsa-log.js';
import { setLocale } from './localization.js';
import { issueText } from './messages.js';
import { RULE_MESSAGE_SAMPLES } from '../../../core/src/messages/rule-message-samples.test.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = async (el: { updateComplete: Promise<boolean> }) => {
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};

// Parameters for each code (core's own samples): ids and numbers that must appear in the Gaelic too.
const SAMPLES = RULE_MESSAGE_SAMPLES;

const english = (code: string, params: Record<string, unknown>): string =>
  code.startsWith('plan.')
    ? planMessage(code as never, params as never)
    : code.startsWith('network.')
      ? networkMessage(code as never, params as never)
      : outcomeMessage(code as never, params as never);

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

function register(): NetworkRegister {
  const added = addRelationship(
    createNetworkRegister('practice-1'),
    { organisation: { name: 'Eastfield Men’s Shed' }, contactRole: 'chair' },
    { on: '2026-02-01', by: 'CLP' },
  );
  if (!added.ok) throw new Error(JSON.stringify(added.errors));
  return added.value;
}

describe('plan, network register and outcome messages in the page’s language', () => {
  afterEach(() => setLocale('en-GB'));

  it('in English shows core’s words; in Scottish Gaelic says every plan, network and outcome code in Gaelic, with its values', async () => {
    expect(Object.keys(SAMPLES).sort()).to.deep.equal(
      [
        ...Object.keys(PLAN_MESSAGES_EN),
        ...Object.keys(NETWORK_MESSAGES_EN),
        ...Object.keys(OUTCOME_MESSAGES_EN),
      ].sort(),
    );
    for (const [code, params] of Object.entries(SAMPLES)) {
      const message = english(code, params);
      expect(issueText({ message, messageCode: code, params: params as never }), code).to.equal(message);
    }
    await setLocale('gd');
    for (const [code, params] of Object.entries(SAMPLES)) {
      const message = english(code, params);
      const gaelic = issueText({ message, messageCode: code, params: params as never });
      expect(gaelic, code).to.not.equal(message);
      expect(gaelic.length, code).to.be.greaterThan(5);
      for (const [name, value] of Object.entries(params)) {
        if (name === 'item' || name === 'timepoint' || name === 'from' || name === 'to' || name === 'next') continue; // rendered as words
        for (const part of Array.isArray(value) ? value : [value])
          expect(gaelic, `${code} ${name}`).to.contain(String(part));
      }
    }
  });

  it('a Gaelic PDSA log shows core’s plan rule (completed before it started) in Gaelic', async () => {
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log .plan=${await samplePlan()} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
    );
    await setLocale('gd');
    await el.updateComplete;
    const root = el.shadowRoot!;
    root.querySelector('details')!.open = true;
    root.querySelector<HTMLInputElement>('.complete-form input[name="completedDate"]')!.value = '2024-01-01';
    root.querySelector<HTMLTextAreaElement>('.complete-form textarea[name="study"]')!.value = 'Learnt a lot';
    root.querySelector<HTMLInputElement>('.complete-form input[value="adapt"]')!.click();
    root.querySelector<HTMLButtonElement>('.complete-form button[type="submit"]')!.click();
    await settle(el);
    const summary = text(root.querySelector('.error-summary li'));
    expect(summary).to.not.contain('must not be before the start date');
    expect(summary).to.contain('chan fhaod e a bhith ron cheann-latha tòiseachaidh 2024-11-04');
    await expect(el).to.be.accessible();
  });

  it('a Gaelic network register shows core’s rule (ending needs a reason) in Gaelic', async () => {
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${register()} as-of="2026-11-20"></links-network-register>`,
    );
    const root = el.shadowRoot!;
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('tr[data-id="rel-1"] button')];
    const end = buttons().findIndex((b) => text(b).startsWith('End'));
    await setLocale('gd');
    await settle(el);
    buttons()[end]!.click();
    await settle(el);
    root.querySelector<HTMLButtonElement>('[part="panel"] button[type="submit"]')!.click();
    await settle(el);
    const error = text(root.querySelector('[part="panel"] .field-error'));
    expect(error).to.not.contain('say why the relationship ended');
    expect(error).to.contain('innis carson a thàinig an dàimh gu crìch');
    await expect(el).to.be.accessible();
  });

  it('a Gaelic outcome form shows core’s answer check (not one of the answer values) in Gaelic', async () => {
    const el = await fixture<LinksOutcomeForm>(
      html`<links-outcome-form .instrument=${ONS4} .value=${{ 'life-satisfaction': 42 }}></links-outcome-form>`,
    );
    await setLocale('gd');
    expect(el.reportValidity()).to.be.false;
    await settle(el);
    const error = text(el.shadowRoot!.querySelector('.error-message'));
    expect(error).to.not.contain('must be one of the answer values');
    expect(error).to.contain(
      'feumaidh e a bhith mar aon de na luachan freagairt 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, chan e 42',
    );
    await expect(el).to.be.accessible();
  });
});
