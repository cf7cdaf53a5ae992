// Work a section needs only once someone looks at it (the synthetic cohorts
// take a few hundred milliseconds of main-thread time to build): done when
// the element comes near the viewport (within a screen), or at once when
// `now()` is called (the demo's tests, and the page when it needs it sooner).
// Keeps the page's first load short: nothing below the fold is computed
// before the person scrolls to it.

/** A piece of deferred work: `done` settles when it has run; `now()` runs it (once) and returns `done`. */
export interface Deferred {
  readonly done: Promise<void>;
  now(): Promise<void>;
}

/** Runs `work` once, when `element` comes within a viewport's height of the screen (or when `now()` is called). */
export function whenNear(element: Element | null | undefined, work: () => Promise<void> | void): Deferred {
  let run: Promise<void> | undefined;
  let resolveDone!: (value: Promise<void>) => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  let observer: IntersectionObserver | undefined;
  const now = () => {
    if (!run) {
      observer?.disconnect();
      run = Promise.resolve().then(work);
      resolveDone(run);
    }
    return done;
  };
  if (!element || typeof IntersectionObserver === 'undefined') void now();
  else {
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void now();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
  }
  return { done, now };
}
