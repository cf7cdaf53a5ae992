import { msg, str } from '@lit/localize';
import type { MessageRenderers } from '@links-approach/core';
import type { PlanDocumentMessageParams, PlanMessageParams, PlanStatus } from '@links-approach/core/plan';
import { statusInSentence } from '../../plan-editor/internal/labels.js';

/*
 * The plan's rule issues and refusals (core's `PLAN_MESSAGES_EN`), through
 * msg(): `issueText` renders an issue whose `messageCode` is `plan.*` with
 * this map in a locale other than the source locale. Each is a predicate
 * after the field's label, as validation messages are.
 */

const quotedStatus = (status: string): string =>
  `“${(statusInSentence() as Record<string, string>)[status as PlanStatus] ?? status}”`;

/** The plan's messages, by code. */
export const PLAN_ISSUES: Partial<MessageRenderers<PlanMessageParams>> = {
  'plan.duplicate-id': (p) =>
    msg(str`repeats the id "${p.id}" of ${p.list}[${p.earlier}]: ids must be unique in the list`, {
      id: 'plan-issue.duplicate-id',
    }),
  'plan.id-taken': (p) =>
    msg(str`repeats the id "${p.id}": ids must be unique in the list`, { id: 'plan-issue.id-taken' }),
  'plan.point-date-repeated': (p) =>
    msg(str`repeats the date ${p.date} of points[${p.earlier}]: a measure has one point per date`, {
      id: 'plan-issue.point-date-repeated',
    }),
  'plan.point-out-of-order': (p) =>
    msg(str`must be after ${p.previous}, the date of points[${p.earlier}]: points are kept in date order`, {
      id: 'plan-issue.point-out-of-order',
    }),
  'plan.points-repeat-date': (p) =>
    msg(str`repeats the date ${p.date}: a measure has one point per date`, { id: 'plan-issue.points-repeat-date' }),
  'plan.point-exists': (p) =>
    msg(str`already has a point on ${p.date} (value ${p.value}): a measure has one point per date`, {
      id: 'plan-issue.point-exists',
    }),
  'plan.no-point-on': (p) => msg(str`has no point on ${p.date}`, { id: 'plan-issue.no-point-on' }),
  'plan.list-full': (p) =>
    msg(str`already has the most entries allowed (${p.maximum})`, { id: 'plan-issue.list-full' }),
  'plan.cycle-open': (p) =>
    msg(str`cannot start while cycles[${p.index}] ("${p.id}") is still open: complete it first`, {
      id: 'plan-issue.cycle-open',
    }),
  'plan.second-open-cycle': (p) =>
    msg(str`cannot be open while cycles[${p.index}] is still open: complete one cycle before starting the next`, {
      id: 'plan-issue.second-open-cycle',
    }),
  'plan.measure-in-use': (p) =>
    msg(str`is the measure of aims[${p.aimIndex}] ("${p.aimId}"): unlink it from the aim first`, {
      id: 'plan-issue.measure-in-use',
    }),
  'plan.completed-before-start': (p) =>
    msg(str`must not be before the start date ${p.startDate}`, { id: 'plan-issue.completed-before-start' }),
  'plan.study-required': () =>
    msg('is required to complete a cycle: what did you learn, against the prediction?', {
      id: 'plan-issue.study-required',
    }),
  'plan.act-required': () =>
    msg('is required to complete a cycle: adopt, adapt or abandon', { id: 'plan-issue.act-required' }),
  'plan.act-before-completion': () =>
    msg('is decided when the cycle is completed: add completedDate, or remove act', {
      id: 'plan-issue.act-before-completion',
    }),
  'plan.cycle-completed': (p) =>
    msg(str`was completed on ${p.completedDate} and can no longer be edited`, { id: 'plan-issue.cycle-completed' }),
  'plan.cycle-already-completed': (p) =>
    msg(str`was already completed on ${p.completedDate}`, { id: 'plan-issue.cycle-already-completed' }),
  'plan.spread-needs-adoption': () =>
    msg('needs a completed cycle that adopted the change: a change spreads once it is adopted', {
      id: 'plan-issue.spread-needs-adoption',
    }),
  'plan.unknown-measure': (p) =>
    msg(str`names the measure "${p.measureId}", which this capacity does not have`, {
      id: 'plan-issue.unknown-measure',
    }),
  'plan.unknown-item': (p) => {
    switch (p.item) {
      case 'aim':
        return msg(str`has no aim with the id "${p.id}"`, { id: 'plan-issue.unknown-item.aim' });
      case 'measure':
        return msg(str`has no measure with the id "${p.id}"`, { id: 'plan-issue.unknown-item.measure' });
      case 'change-idea':
        return msg(str`has no change idea with the id "${p.id}"`, { id: 'plan-issue.unknown-item.change-idea' });
      case 'cycle':
        return msg(str`has no cycle with the id "${p.id}"`, { id: 'plan-issue.unknown-item.cycle' });
      case 'evidence':
        return msg(str`has no evidence note with the id "${p.id}"`, { id: 'plan-issue.unknown-item.evidence' });
    }
  },
  'plan.unknown-capacity': () => msg('is not a capacity of this plan', { id: 'plan-issue.unknown-capacity' }),
  'plan.unknown-theme': () => msg('is not a theme of this plan', { id: 'plan-issue.unknown-theme' }),
  'plan.status-transition': (p) => {
    const [from, to, next] = [quotedStatus(p.from), quotedStatus(p.to), p.next.map(quotedStatus).join(', ')];
    return msg(str`cannot change from ${from} to ${to}: from ${from} a plan can move to: ${next}`, {
      id: 'plan-issue.status-transition',
    });
  },
  'plan.team-repeated': (p) => msg(str`repeats "${p.name}" (team[${p.earlier}])`, { id: 'plan-issue.team-repeated' }),
  'plan.capacity-repeated': (p) =>
    msg(str`repeats the capacity "${p.capacityId}"`, { id: 'plan-issue.capacity-repeated' }),
  'plan.framework-mismatch': (p) =>
    msg(str`is "${p.planFramework}", but the plan is being checked against the framework "${p.framework}"`, {
      id: 'plan-issue.framework-mismatch',
    }),
  'plan.not-framework-capacity': (p) =>
    msg(str`is not a capacity of the framework ${p.framework} ${p.version}`, {
      id: 'plan-issue.not-framework-capacity',
    }),
  'plan.not-framework-theme': (p) =>
    msg(str`is not a theme of the framework ${p.framework} ${p.version}`, { id: 'plan-issue.not-framework-theme' }),
  'plan.focus-areas-not-list': () => msg('must be a list', { id: 'plan-issue.focus-areas-not-list' }),
};

/** The plan document's envelope and version messages (core's `PLAN_DOCUMENT_MESSAGES_EN`), by code. */
export const PLAN_DOCUMENT_ISSUES: Partial<MessageRenderers<PlanDocumentMessageParams>> = {
  'plan-document.not-a-document': (p) =>
    msg(str`must be a plan document (a JSON object with "kind": "${p.kind}")`, {
      id: 'plan-document-issue.not-a-document',
    }),
  'plan-document.kind-required': (p) =>
    msg(str`is required: plan documents say "kind": "${p.kind}"`, { id: 'plan-document-issue.kind-required' }),
  'plan-document.wrong-kind': (p) => msg(str`is ${p.given}, not "${p.kind}"`, { id: 'plan-document-issue.wrong-kind' }),
  'plan-document.version-required': (p) =>
    msg(str`is required: plan documents say which version of the format they use (this library writes ${p.writes})`, {
      id: 'plan-document-issue.version-required',
    }),
  'plan-document.version-not-whole': (p) =>
    msg(str`must be a whole number such as ${p.writes}`, { id: 'plan-document-issue.version-not-whole' }),
  'plan-document.version-newer': (p) =>
    msg(str`schemaVersion ${p.version} is newer than this library understands (${p.writes})`, {
      id: 'plan-document-issue.version-newer',
    }),
  'plan-document.version-unknown': (p) => {
    const readable = p.readable.join(', ');
    return msg(str`schemaVersion ${p.version} is not a version of the plan format (versions: ${readable})`, {
      id: 'plan-document-issue.version-unknown',
    });
  },
  'plan-document.not-a-date-time': () =>
    msg('must be a real date and time', { id: 'plan-document-issue.not-a-date-time' }),
  'plan-document.v1-capacity-id': () =>
    msg('cannot be written in schemaVersion 1, whose ids start with a letter', {
      id: 'plan-document-issue.v1-capacity-id',
    }),
  'plan-document.v1-theme-id': () =>
    msg('cannot be written in schemaVersion 1, whose ids start with a letter', {
      id: 'plan-document-issue.v1-theme-id',
    }),
  'plan-document.v1-unit-without-target': () =>
    msg('cannot be written in schemaVersion 1 without a target', { id: 'plan-document-issue.v1-unit-without-target' }),
  'plan-document.v1-focus-area': () =>
    msg('cannot be written in schemaVersion 1, whose focus areas were plain text', {
      id: 'plan-document-issue.v1-focus-area',
    }),
  'plan-document.v1-capacity-repeated': (p) =>
    msg(str`repeats the capacity "${p.capacity}" of capacities[${p.earlier}]`, {
      id: 'plan-document-issue.v1-capacity-repeated',
    }),
  'plan-document.v1-theme-repeated': (p) =>
    msg(str`repeats the theme "${p.theme}" of themes[${p.earlier}]`, { id: 'plan-document-issue.v1-theme-repeated' }),
  'plan-document.v1-lead-required': () =>
    msg('needs a lead (the role) as well', { id: 'plan-document-issue.v1-lead-required' }),
  'plan-document.v1-baseline-required': () =>
    msg('needs a baseline value as well', { id: 'plan-document-issue.v1-baseline-required' }),
  'plan-document.v1-spread-both': () =>
    msg('is required when the change has spread: give both spreadDate and spreadNote', {
      id: 'plan-document-issue.v1-spread-both',
    }),
};
