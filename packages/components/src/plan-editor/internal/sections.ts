// Registers the sections of <links-plan-editor>. They render only inside the
// editor's shadow root (never on a host page), so the script-tag autoloader
// and its no-flash stylesheet do not list them.
import { LinksPlanAims } from './aims-section.js';
import { LinksPlanChangeIdeas } from './change-ideas-section.js';
import { LinksPlanDetails } from './details-section.js';
import { LinksPlanEvidence } from './evidence-section.js';
import { LinksPlanLead } from './lead-section.js';
import { LinksPlanMeasures } from './measures-section.js';
import { LinksPlanSelfAssessment } from './self-assessment-section.js';

const SECTIONS: readonly (readonly [string, CustomElementConstructor])[] = [
  ['links-plan-lead', LinksPlanLead],
  ['links-plan-aims', LinksPlanAims],
  ['links-plan-measures', LinksPlanMeasures],
  ['links-plan-change-ideas', LinksPlanChangeIdeas],
  ['links-plan-evidence', LinksPlanEvidence],
  ['links-plan-self-assessment', LinksPlanSelfAssessment],
  ['links-plan-details', LinksPlanDetails],
];

/** The sections' tags: parts of the plan editor, tested through it (axe, XSS), never placed on a page alone. */
export const PLAN_SECTION_TAGS: readonly string[] = SECTIONS.map(([tag]) => tag);

/** Selects the sections in the editor's shadow root. */
export const SECTION_SELECTOR = SECTIONS.map(([tag]) => tag).join(', ');

for (const [tag, element] of SECTIONS) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'links-plan-lead': LinksPlanLead;
    'links-plan-aims': LinksPlanAims;
    'links-plan-measures': LinksPlanMeasures;
    'links-plan-change-ideas': LinksPlanChangeIdeas;
    'links-plan-evidence': LinksPlanEvidence;
    'links-plan-self-assessment': LinksPlanSelfAssessment;
    'links-plan-details': LinksPlanDetails;
  }
}
