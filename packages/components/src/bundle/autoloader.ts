/**
 * Script-tag autoloader: registers each `links-*` element the first time its
 * tag appears in the document (or in a shadow root the page hands to
 * {@link discover}), so a page pays only for the elements it uses.
 *
 * ```html
 * <link rel="stylesheet" href="…/dist/browser/links-components.css">
 * <script type="module" src="…/dist/browser/links-autoloader.js"></script>
 * ```
 *
 * @packageDocumentation
 */
import { ELEMENT_LOADERS } from './tags.js';

const requested = new Map<string, Promise<CustomElementConstructor>>();

/**
 * Loads and registers one element by tag name. Resolves with its class once
 * it is defined; rejects for a tag the toolkit does not have.
 */
export function load(tag: string): Promise<CustomElementConstructor> {
  const name = tag.toLowerCase();
  const existing = requested.get(name);
  if (existing) return existing;
  const loader = ELEMENT_LOADERS[name];
  if (!loader) return Promise.reject(new Error(`${name} is not a links-approach element`));
  const loading = loader().then(() => customElements.whenDefined(name));
  requested.set(name, loading);
  return loading;
}

/** Finds undefined `links-*` elements under `root` and loads each kind once. */
export async function discover(root: ParentNode = document): Promise<void> {
  const tags = new Set<string>();
  const consider = (element: Element) => {
    const name = element.localName;
    if (name.startsWith('links-') && name in ELEMENT_LOADERS && !customElements.get(name)) tags.add(name);
  };
  if (root instanceof Element) consider(root);
  root.querySelectorAll(':not(:defined)').forEach(consider);
  // A provider answers its descendants' context requests only once it is
  // defined, so it is registered before the elements inside it.
  if (tags.delete('links-provider')) await load('links-provider').catch(() => undefined);
  await Promise.allSettled([...tags].map((tag) => load(tag)));
}

/** Resolves when every `links-*` element now in `root` is defined. */
export function allDefined(root: ParentNode = document): Promise<void> {
  return discover(root);
}

function watch(): void {
  void discover(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) void discover(node as Element);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
}
