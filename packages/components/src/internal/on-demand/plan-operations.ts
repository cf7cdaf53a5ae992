// The plan operations the editing elements run (`<links-plan-editor>`'s sections, `<links-pdsa-log>`,
// `<links-theme-focus>`; the editor's "start planning this capacity" and its review and reapply after a
// conflict), with what they bring: zod (each operation validates its input) and immer
// (each applies its change to a copy). Loaded on demand, through `../plan-operations.ts`: when the
// person first focuses or presses inside an editing element, and at the latest when an edit is made,
// so showing a plan never loads them. `scripts/size.mjs` leaves this chunk out of the budget figure.
export {
  setTitle,
  changeStatus,
  setOwner,
  setTeam,
  setSelfAssessedLevel,
  addAim,
  updateAim,
  removeAim,
  addMeasure,
  updateMeasure,
  removeMeasure,
  recordDataPoint,
  removeDataPoint,
  addChangeIdea,
  updateChangeIdea,
  removeChangeIdea,
  startPdsaCycle,
  completePdsaCycle,
  recordSpread,
  addEvidence,
  removeEvidence,
  setThemeFocus,
  alignPlanToFramework,
  mergePlanEdits,
} from '@links-approach/core/plan';
