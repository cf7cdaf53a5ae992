// Test support (not shipped API): records every custom element tag defined
// after this module runs, so the quality tests can tell which `links-*`
// elements `all.ts` registers. Import it before `all.ts`.

/** Every tag passed to `customElements.define` since this module ran, in order. */
export const definedTags: string[] = [];

const define = customElements.define.bind(customElements);
customElements.define = (name: string, constructor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
  definedTags.push(name);
  define(name, constructor, options);
};
