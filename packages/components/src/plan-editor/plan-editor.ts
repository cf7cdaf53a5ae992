import {
  LinksPlanEditor,
  type PlanConflictDetail,
  type PlanDiscardRequestDetail,
  type PlanSavedDetail,
} from './plan-editor.component.js';

export { LinksPlanEditor };
export type {
  PlanConflictDetail,
  PlanDiscardRequestDetail,
  PlanSavedDetail,
  SaveState,
} from './plan-editor.component.js';
export type { PlanChangeDetail } from '../internal/plan-editing.js';

if (!customElements.get('links-plan-editor')) {
  customElements.define('links-plan-editor', LinksPlanEditor);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-plan-editor': LinksPlanEditor;
  }
  interface GlobalEventHandlersEventMap {
    'links-plan-saved': CustomEvent<PlanSavedDetail>;
    'links-plan-conflict': CustomEvent<PlanConflictDetail>;
    'links-request-discard': CustomEvent<PlanDiscardRequestDetail>;
  }
}
