// Clinical safety guards that the element tests did not already hold (see
// docs/safety/hazard-log.md): the wrong person shown through the host's
// person labels.
import { expect, fixture, html } from '@open-wc/testing';
import '../../all.js';
import type { ReferralState } from '@links-approach/core/referral';
import { sampleReferrals, settle, shadow } from './test-harness.js';

const personShown = (el: Element) => {
  const facts = shadow(el).querySelector('[part="facts"]')!;
  const row = [...facts.querySelectorAll('div')].find((d) => d.querySelector('dt')?.textContent?.trim() === 'Person')!;
  return row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim();
};

/** A resolver whose answers the test releases by hand, in any order. */
function controlledResolver() {
  const waiting = new Map<string, (label: string) => void>();
  const resolver = (ref: string) => new Promise<string>((resolve) => waiting.set(ref, resolve));
  const answer = (ref: string, label: string) => {
    const resolve = waiting.get(ref);
    if (!resolve) throw new Error(`no lookup for ${ref} yet`);
    resolve(label);
  };
  return { resolver, answer, asked: () => [...waiting.keys()] };
}

async function twoPeople(): Promise<[ReferralState, ReferralState]> {
  const referrals = await sampleReferrals();
  const first = referrals[0]!;
  const second = referrals.find((r) => r.person !== first.person)!;
  return [first, second];
}

describe('quality: clinical safety guards', () => {
  it('a late person label is never shown against another person’s referral', async () => {
    const [a, b] = await twoPeople();
    const host = controlledResolver();
    const provider = await fixture<HTMLElement>(html`<links-provider storage="memory" .personLabel=${host.resolver}>
      <links-referral-detail .referral=${a} as-of="2025-03-31"></links-referral-detail>
    </links-provider>`);
    const detail = provider.querySelector('links-referral-detail')!;
    await settle(detail);
    expect(personShown(detail), 'the reference while the host looks the label up').to.equal(a.person);

    // The user opens B before the host has answered for A; then the answers arrive, A's last.
    detail.referral = b;
    await settle(detail);
    expect(host.asked()).to.include.members([a.person, b.person]);
    host.answer(b.person, 'Label for B');
    await settle(detail);
    expect(personShown(detail)).to.equal(`Label for B (${b.person})`);
    host.answer(a.person, 'Label for A');
    await settle(detail);
    expect(personShown(detail), 'A’s late answer does not replace B’s label').to.equal(`Label for B (${b.person})`);

    // Back on A, A's own label shows, with A's reference.
    detail.referral = a;
    await settle(detail);
    expect(personShown(detail)).to.equal(`Label for A (${a.person})`);
  });

  it('the pseudonymous reference is always shown beside the host’s label, so staff can check it', async () => {
    const [a] = await twoPeople();
    const provider = await fixture<HTMLElement>(html`<links-provider storage="memory" .personLabel=${() => 'A Name'}>
      <links-referral-detail .referral=${a} as-of="2025-03-31"></links-referral-detail>
    </links-provider>`);
    const detail = provider.querySelector('links-referral-detail')!;
    await settle(detail);
    expect(personShown(detail)).to.equal(`A Name (${a.person})`);
  });
});
