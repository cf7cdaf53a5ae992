/**
 * Every element the toolkit registers, with the module that registers it.
 * The autoloader loads a module the first time its tag appears on the page;
 * `links-components.css` hides these tags until they are defined. A test
 * keeps this table in step with `all.ts`.
 */
export const ELEMENT_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = Object.freeze({
  'links-provider': () => import('../provider/provider.js'),
  'links-framework-overview': () => import('../framework-overview/framework-overview.js'),
  'links-plan-editor': () => import('../plan-editor/plan-editor.js'),
  'links-theme-focus': () => import('../theme-focus/theme-focus.js'),
  'links-pdsa-log': () => import('../pdsa-log/pdsa-log.js'),
  'links-resource-finder': () => import('../resource-finder/resource-finder.js'),
  'links-network-register': () => import('../network-register/network-register.js'),
  'links-run-chart': () => import('../run-chart/run-chart.js'),
  'links-maturity-profile': () => import('../maturity-profile/maturity-profile.js'),
  'links-capacity-card': () => import('../capacity-card/capacity-card.js'),
  'links-cohort-comparison': () => import('../cohort-comparison/cohort-comparison.js'),
  'links-referral-form': () => import('../referral-form/referral-form.js'),
  'links-caseload': () => import('../caseload/caseload.js'),
  'links-referral-detail': () => import('../referral-detail/referral-detail.js'),
  'links-caseload-summary': () => import('../caseload-summary/caseload-summary.js'),
  'links-outcome-form': () => import('../outcome-form/outcome-form.js'),
  'links-programme-report': () => import('../programme-report/programme-report.js'),
});

/** The tag names of every element, in registration order. */
export const ELEMENT_TAGS: readonly string[] = Object.freeze(Object.keys(ELEMENT_LOADERS));
