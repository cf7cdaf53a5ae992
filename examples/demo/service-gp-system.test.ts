// The GP-system example page (examples/gp-system/: a patient record with the
// referral elements inside a <links-provider> given the service's address and
// the host's token callback) loaded in a frame against a real service
// (`links serve --dev-auth` on PGlite, started by the test runner's
// links-test-service plugin). A GP refers the open patient; the referral is
// stored at the service and shown in the connected referral detail (which
// loads it from the service), with the name the host's resolver gives.
import { expect, waitUntil } from '@open-wc/testing';
import { createServiceStores } from '@links-approach/core/service';

type AxeResults = { violations: { id: string; impact: string; nodes: unknown[] }[] };
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let serviceUrl = '';
async function tokenFor(user: string): Promise<string> {
  const response = await fetch(`${serviceUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function openPage(user: string): Promise<{ frame: HTMLIFrameElement; doc: Document; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.title = 'GP system page under test';
  frame.style.width = '1200px';
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${new URL('../gp-system/index.html', import.meta.url).href}?service=${encodeURIComponent(serviceUrl)}&user=${user}`;
  document.body.append(frame);
  await loaded;
  const errors: string[] = [];
  frame.contentWindow!.addEventListener('error', (event) => errors.push(event.message));
  const doc = frame.contentDocument!;
  await waitUntil(
    () => /^Signed in as /.test(clean(doc.querySelector('#signed-in')?.textContent)),
    'the page signed in',
    { timeout: 60_000 },
  );
  return { frame, doc, errors };
}

describe('the GP-system example page on the service', function () {
  this.timeout(300_000);
  const frames: HTMLIFrameElement[] = [];
  before(async () => {
    ({ url: serviceUrl } = (await (await fetch('/__links-service')).json()) as { url: string });
  });
  after(() => frames.forEach((f) => f.remove()));

  it('a GP refers the open patient: stored at the service and shown in the connected detail, with the host’s name for the person', async () => {
    const { frame, doc, errors } = await openPage('gp-ash');
    frames.push(frame);
    const form = doc.querySelector('links-referral-form')!;
    expect(form.person).to.equal('pt-ash-4c2e');
    expect(doc.querySelector('links-provider')!.serviceUrl).to.equal(serviceUrl);
    const root = form.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="route"][value="gp"]')!.click();
    root.querySelector<HTMLInputElement>('input[name="theme"]')!.click();
    root.querySelector<HTMLInputElement>('input[name="consent"][value="contact"]')!.click();
    await form.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await waitUntil(
      () =>
        /^Referral \S+ sent to the Community Links Practitioner\.$/.test(
          clean(doc.querySelector('#refer-status')?.textContent),
        ),
      'sent',
      {
        timeout: 30_000,
      },
    ).catch(() => {
      throw new Error(
        `not sent: the page says "${clean(doc.querySelector('#refer-status')?.textContent)}", the form "${clean(root.querySelector('[part="confirmation"], .error-summary, .refusal')?.textContent)}"`,
      );
    });
    const id = /^Referral (\S+) sent/.exec(clean(doc.querySelector('#refer-status')!.textContent))![1]!;

    const stores = createServiceStores({ baseUrl: serviceUrl, getToken: () => tokenFor('clp-ash') });
    const stored = await stores.referrals.get(id);
    expect(stored?.referral.status).to.equal('requested');
    expect(stored?.referral.state.person).to.equal('pt-ash-4c2e');
    expect(stored?.events.map((e) => `${e.type} by ${e.actor.id}`)).to.deep.equal(['created by gp-ash']);

    const detail = doc.querySelector('links-referral-detail')!;
    await waitUntil(
      () => clean(detail.shadowRoot!.querySelector('[part="heading"]')?.textContent) === `Referral ${id}`,
      'the detail shows it',
      { timeout: 30_000 },
    );
    // The name comes from the host's resolver only.
    await waitUntil(
      () =>
        clean(detail.shadowRoot!.querySelector('[part="facts"] dd')?.textContent) === 'Morven Example (pt-ash-4c2e)',
      'the person label',
    );
    expect(errors).to.deep.equal([]);

    const source = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    const script = doc.createElement('script');
    script.textContent = source;
    doc.head.append(script);
    const axe = (
      frame.contentWindow as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(doc, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`)).to.deep.equal([]);
  });
});
