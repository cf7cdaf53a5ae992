/**
 * `@links-approach/components`: Lit web components for the Links Approach.
 * Importing this entry registers every `links-*` element. To register one
 * element only, import its subpath, e.g. `@links-approach/components/framework-overview.js`.
 *
 * @packageDocumentation
 */
export { LinksElement } from './internal/links-element.js';
export {
  getLocale,
  loadLinksTemplates,
  setLocale,
  SOURCE_LOCALE,
  SUPPORTED_LOCALES,
  type LinksLocale,
} from './internal/localization.js';
export * from './framework-overview/framework-overview.js';
export * from './plan-editor/plan-editor.js';
export * from './theme-focus/theme-focus.js';
export * from './pdsa-log/pdsa-log.js';
export * from './idb-store/idb-store.js';
export * from './idb-store/idb-queue-storage.js';
export * from './resource-finder/resource-finder.js';
export * from './network-register/network-register.js';
export * from './run-chart/run-chart.js';
export * from './maturity-profile/maturity-profile.js';
export * from './capacity-card/capacity-card.js';
export * from './cohort-comparison/cohort-comparison.js';
export * from './referral-form/referral-form.js';
export * from './caseload/caseload.js';
export * from './referral-detail/referral-detail.js';
export * from './caseload-summary/caseload-summary.js';
export * from './outcome-form/outcome-form.js';
export * from './programme-report/programme-report.js';
export * from './provider/provider.js';
