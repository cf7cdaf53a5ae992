// The built script-tag files (packages/components/dist/browser/) on a page
// whose Content Security Policy forbids eval and inline script
// (script-src 'self', no 'unsafe-eval'), as many NHS intranets run: the
// elements work, validation runs (the plan editor refuses a bad edit; an
// invalid referral event is refused), and the page reports no violation.
import { expect } from '@open-wc/testing';

type CspWindow = Window &
  typeof globalThis & {
    cspViolations: string[];
    cspResults: Record<string, unknown>;
  };

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('script-tag bundle under a Content Security Policy without unsafe-eval', () => {
  let frame: HTMLIFrameElement;
  let win: CspWindow;
  before(async () => {
    frame = document.createElement('iframe');
    frame.title = 'Strict-CSP page under test';
    frame.style.width = '1200px';
    frame.style.height = '900px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = new URL('./csp.html', import.meta.url).href;
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as CspWindow;
    await until(() => win.cspResults !== undefined, 'the page script to finish');
    await until(() => win.document.querySelector('links-plan-editor')?.matches(':defined') ?? false, 'the editor');
    await (win.document.querySelector('links-plan-editor') as unknown as { updateComplete: Promise<unknown> })
      .updateComplete;
  });
  after(() => frame.remove());

  it('validates plans and referral events with the built domain module, refusing what is invalid', () => {
    expect(text(win.document.getElementById('status'))).to.match(
      /^Checked the sample plan and \d+ sample referrals\.$/,
    );
    expect(win.cspResults.plan).to.equal('plan-springburn-2023');
    expect(win.cspResults.brokenPlan).to.deep.equal([
      'capacities.team-wellbeing.aims[0].target: must be a number, not text',
    ]);
    expect(win.cspResults.invalidEvent).to.deep.equal([
      'at: must be a date and time written like 2024-05-01T09:30:00Z',
    ]);
    expect(win.cspResults.applied).to.equal('invalid-event');
  });

  it('the plan editor shows the plan and validates an edit', async () => {
    const editor = win.document.querySelector('links-plan-editor') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    const root = editor.shadowRoot!;
    let changes = 0;
    editor.addEventListener('links-plan-change', () => changes++);
    const form = [...root.querySelectorAll<HTMLFormElement>('form.add-form')].find(
      (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
    )!;
    form.closest('details')!.open = true;
    (form.querySelector('[name="statement"]') as HTMLInputElement).value = 'More people referred';
    (form.querySelector('[name="target"]') as HTMLInputElement).value = 'thirty';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await editor.updateComplete;
    expect(changes).to.equal(0);
    expect(text(root.querySelector('.error-message'))).to.equal('Error: must be a number, not text');
    (form.querySelector('[name="target"]') as HTMLInputElement).value = '30';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await editor.updateComplete;
    expect(changes).to.equal(1);
  });

  it('reports no policy violation: nothing in the bundles needs eval or inline script', () => {
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('enforces the policy: eval and new Function are refused, and the page hears of it', async () => {
    expect(() => win.eval('1 + 1')).to.throw();
    expect(() => new win.Function('return 1')).to.throw();
    await until(() => win.cspViolations.length > 0, 'the violation report');
    expect(win.cspViolations[0]).to.match(/^script-src[^:]*: eval/);
  });
});
