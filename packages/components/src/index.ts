/**
 * `@links-approach/components`: Lit web components for the Links Approach.
 * Importing this entry registers every `links-*` element. To register one
 * element only, import its subpath, e.g. `@links-approach/components/framework-overview.js`.
 *
 * @packageDocumentation
 */
export { LinksElement } from './internal/links-element.js';
export * from './framework-overview/framework-overview.js';
