// What `<links-plan-editor>` needs to check a whole plan document: core's plan codec (`validatePlan`,
// which a store runs on each save) and `parsePlanDocument` (a plan restored by the browser's form
// state). Loaded on demand, through `../internal/plan-checks.ts`: before the first save, so showing a
// plan never loads zod. `scripts/size.mjs` leaves this chunk out of the budget figure.
export { planCodec } from '@links-approach/core/store';
export { parsePlanDocument } from '@links-approach/core/plan';
