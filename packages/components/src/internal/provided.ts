import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { DocumentStore, StoreCodec, StoredDocument } from '@links-approach/core/store';
import {
  ensureContextRoot,
  personLabelContext,
  storeContext,
  type PersonLabelResolver,
  type StoreSource,
} from './context.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Longest label shown; anything longer is cut (a label is a name, not a document). */
const MAX_LABEL = 200;

/**
 * Binds an element's store property to the nearest `<links-provider>`:
 * while the property is unset (or still holds what the provider gave), it
 * holds the provider's store for `codec`'s kind and follows the provider's
 * changes. A store the host sets itself always wins.
 *
 * @example
 * // in an element with `@property({ attribute: false }) store: PlanStore | undefined;`
 * private readonly provided = new ProvidedStore(this, 'store', planCodec());
 */
export class ProvidedStore<T extends StoredDocument, K extends string> {
  private applied: DocumentStore<T> | undefined;

  constructor(
    private readonly host: Host & { [P in K]: DocumentStore<T> | undefined },
    private readonly key: K,
    private readonly codec: StoreCodec<T>,
  ) {
    ensureContextRoot();
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (source) => this.use(source),
    });
  }

  /** Whether the element's store came from a provider (rather than the host). */
  get fromProvider(): boolean {
    return this.applied !== undefined && this.host[this.key] === this.applied;
  }

  private use(source: StoreSource | undefined): void {
    const current = this.host[this.key];
    if (current !== undefined && current !== this.applied) return; // set by the host: the host's store wins
    const next = source?.storeFor(this.codec);
    this.applied = next;
    if (current !== next) this.host[this.key] = next as (Host & { [P in K]: DocumentStore<T> | undefined })[K];
  }
}

/**
 * Shows people through the host's person-label resolver from the nearest
 * `<links-provider>`. Without a resolver (or until an asynchronous one
 * answers, or when it fails) the pseudonymous reference is shown. Labels are
 * kept in memory only, for this element, and dropped when the resolver
 * changes; they are never logged, stored or put in events.
 *
 * @example
 * private readonly people = new PersonLabels(this);
 * // in render(): html`<dd>${this.people.display(referral.person)}</dd>`
 */
export class PersonLabels {
  private resolver: PersonLabelResolver | undefined;
  private labels = new Map<string, string>();
  private pending = new Set<string>();
  private generation = 0;

  constructor(private readonly host: Host) {
    ensureContextRoot();
    new ContextConsumer(host, {
      context: personLabelContext,
      subscribe: true,
      callback: (resolver) => this.use(resolver),
    });
  }

  /** Whether a resolver is in force. */
  get active(): boolean {
    return this.resolver !== undefined;
  }

  /** The label for a reference: the resolver's answer, or the reference itself while there is none. */
  label(personRef: string): string {
    if (!personRef || !this.resolver) return personRef;
    const known = this.labels.get(personRef);
    if (known !== undefined) return known;
    if (!this.pending.has(personRef)) this.resolve(personRef, this.resolver);
    return this.labels.get(personRef) ?? personRef;
  }

  /**
   * What to show for a person: `label (reference)` once the resolver has
   * answered, so staff can check the reference against the host system;
   * otherwise the reference alone.
   */
  display(personRef: string): string {
    const label = this.label(personRef);
    return label === personRef ? personRef : `${label} (${personRef})`;
  }

  private use(resolver: PersonLabelResolver | undefined): void {
    if (typeof resolver !== 'function') resolver = undefined;
    if (resolver === this.resolver) return;
    this.resolver = resolver;
    this.labels = new Map();
    this.pending = new Set();
    this.generation += 1;
    this.host.requestUpdate();
  }

  private resolve(personRef: string, resolver: PersonLabelResolver): void {
    let answer: string | Promise<string>;
    try {
      answer = resolver(personRef);
    } catch {
      // The host's lookup failed: show the reference. Nothing is logged (the error may hold a name).
      this.labels.set(personRef, personRef);
      return;
    }
    if (typeof answer === 'string' || !isThenable(answer)) {
      this.labels.set(personRef, clean(answer, personRef));
      return;
    }
    const generation = this.generation;
    const pending = this.pending;
    pending.add(personRef);
    const settle = (label: string) => {
      pending.delete(personRef);
      if (generation !== this.generation) return; // the resolver changed meanwhile: its answer is stale
      this.labels.set(personRef, label);
      this.host.requestUpdate();
    };
    Promise.resolve(answer).then(
      (value) => settle(clean(value, personRef)),
      () => settle(personRef),
    );
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

function clean(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const label = value.replace(/\s+/g, ' ').trim();
  if (!label) return fallback;
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
