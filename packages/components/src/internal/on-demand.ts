import { msg } from '@lit/localize';

/**
 * Code an element loads only when the person acts: the checks run when a
 * form is sent, the form for an action when it is opened. The module lives
 * in a folder named `on-demand/` and is reached only through the dynamic
 * `import()` given here, so the first render never waits for it and the
 * bundle budgets (scripts/size.mjs, docs/bundle-size.md) count it beside an
 * element's figure, not in it. A static import of the same module would put
 * it back in the figure.
 *
 * Loading starts at most once at a time and is cached; a failed load (the
 * page went offline) is forgotten, so the next attempt fetches again.
 *
 * Work that waits for the module is tracked: an element makes its
 * `updateComplete` wait for it (see {@link OnDemand.settled}), so whoever
 * awaits `updateComplete` after clicking "Send" sees the outcome, as they
 * did when the checks ran synchronously.
 */
export class OnDemand<T> {
  #module: T | undefined;
  #loading: Promise<T> | undefined;
  readonly #work = new Set<Promise<void>>();

  constructor(private readonly loader: () => Promise<T>) {}

  /** The module, once loaded. */
  get module(): T | undefined {
    return this.#module;
  }

  /** Loads the module (once; again after a failure). */
  load(): Promise<T> {
    this.#loading ??= this.loader().then(
      (module) => (this.#module = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /** Starts loading ahead of need (on first focus or input), ignoring a failure: it is reported when the code is needed. */
  prefetch = (): void => {
    if (!this.#module) this.load().catch(() => undefined);
  };

  /**
   * Runs `task` with the module, at once when it is loaded, else once it
   * has loaded; when it cannot be loaded, runs `failed` instead.
   */
  run(task: (module: T) => void, failed: () => void): Promise<void> {
    if (this.#module) {
      task(this.#module);
      return Promise.resolve();
    }
    const work: Promise<void> = this.load()
      .then(task, failed)
      .finally(() => this.#work.delete(work));
    this.#work.add(work);
    return work;
  }

  /** Resolves when no task is waiting for the module (for an element's `getUpdateComplete`). */
  async settled(): Promise<void> {
    // Bounded: each pass waits for the tasks running now; a task adds no other.
    for (let pass = 0; pass < 10 && this.#work.size > 0; pass++) await Promise.allSettled([...this.#work]);
  }
}

/** What a form says when the code it needs could not be loaded (offline): nothing was sent or saved. */
export const loadFailedText = (): string =>
  msg(
    'This could not be checked: part of the page did not load. Nothing was sent. Check the connection and try again.',
    {
      id: 'on-demand.load-failed',
    },
  );
