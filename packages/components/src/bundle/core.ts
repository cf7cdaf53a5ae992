/**
 * Script-tag entry for the domain: every area of `@links-approach/core` in
 * one module, for pages without a build step (`dist/browser/links-core.js`).
 * It shares chunks with the element bundles, so a page that loads both pays
 * for Lit, zod and immer once.
 *
 * @packageDocumentation
 */
export * from '@links-approach/core';
export * from '@links-approach/core/plan';
export * from '@links-approach/core/store';
export * from '@links-approach/core/maturity';
export * from '@links-approach/core/referral';
export * from '@links-approach/core/resources';
export * from '@links-approach/core/network';
export * from '@links-approach/core/outcomes';
export * from '@links-approach/core/codes';
export * from '@links-approach/core/fhir';
export * from '@links-approach/core/export';
export * from '@links-approach/core/demo-data';
