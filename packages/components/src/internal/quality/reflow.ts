// The reflow check (WCAG 2.2 1.4.10) the layout tests run: the page does
// not scroll sideways, and no element's box reaches past its host except
// inside a scroll region. Walks open shadow roots. Not part of the API.
import { deepElements } from './test-harness.js';

/** The element's parent in the flat sense: its parent element, or the host of its shadow root. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether `el` sits inside (below) a box that clips or scrolls sideways. */
function insideScroller(el: Element, stop: Element): boolean {
  for (let node = parentOf(el); node && node !== stop; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.overflowX !== 'visible' && style.overflowX !== 'clip') return true;
  }
  return false;
}

/** Whether the element is rendered with a box (not hidden, not a 1 px visually-hidden helper). */
function rendered(el: Element, rect: DOMRect): boolean {
  if (rect.width <= 1 || rect.height <= 1) return false;
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden' && style.position !== 'fixed';
}

const describe = (el: Element) => {
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? `${root.host.localName} › ` : '';
  const part = el.getAttribute('part');
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  return `${host}${el.localName}${el.id ? `#${el.id}` : ''}${cls}${part ? `[part=${part}]` : ''}`;
};

/**
 * The reflow problems on the page for `host`: the document wider than the
 * viewport, elements past the host's left or right edge (outside scroll
 * regions), and scroll regions that overflow but cannot be reached by
 * keyboard or have no name. Empty when all is well.
 */
export function reflowProblems(host: Element): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) {
    problems.push(`the page scrolls sideways: ${doc.scrollWidth} px wide in a ${doc.clientWidth} px viewport`);
  }
  const edge = host.getBoundingClientRect();
  // A host without a box of its own (display: contents, e.g. <links-provider>): its children are checked.
  if (edge.width === 0 && edge.height === 0) return problems;
  for (const el of deepElements(host)) {
    if (el === host || el instanceof HTMLStyleElement || el instanceof HTMLSlotElement) continue;
    const rect = el.getBoundingClientRect();
    if (!rendered(el, rect)) continue;
    // Moved wholly off the page's left edge until focused (a skip link): it widens nothing.
    if (rect.right <= 0) continue;
    const scrolled = insideScroller(el, host);
    if (!scrolled && (rect.right > edge.right + 0.5 || rect.left < edge.left - 0.5)) {
      problems.push(
        `${describe(el)} reaches past <${host.localName}>: ${Math.round(rect.left)}–${Math.round(rect.right)} px, host ${Math.round(edge.left)}–${Math.round(edge.right)} px`,
      );
    }
    const style = getComputedStyle(el);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
      const reachable = el.getAttribute('tabindex') === '0';
      if (!named || !reachable) problems.push(`${describe(el)} scrolls sideways but is not a named tab stop`);
    }
  }
  return problems;
}

/**
 * Controls smaller than 24 × 24 CSS px (WCAG 2.2 2.5.8), other than links
 * inside running text. Empty when all is well.
 */
export function smallTargets(host: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(host)) {
    if (!el.matches('button, select, input:not([type="hidden"]), summary, [role="button"]')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (el.closest('.visually-hidden')) continue;
    // A checkbox or radio whose label sits beside it: the target is spaced (the 2.5.8 spacing exception)
    // only if it is at least 24 px in one sense; ask for 24 × 24 for every control here.
    if (rect.width < 23.5 || rect.height < 23.5)
      out.push(`${describe(el)} is ${rect.width.toFixed(1)} × ${rect.height.toFixed(1)} px`);
  }
  return out;
}
