// @web/test-runner-visual-regression 0.10 declares its browser entry as
// `export * from './browser/commands.mjs'`, which TypeScript resolves to no
// types (the file beside it is commands.d.ts, not .d.mts). The one function
// the screenshot test uses, as the package documents it:
export {};
declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline named `name`; rejects when they differ. */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
