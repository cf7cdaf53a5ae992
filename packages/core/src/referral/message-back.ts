import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import {
  REFERRAL_LABELS,
  type GoalStatus,
  type OutcomeCode,
  type ReferralStatus,
  type ResourceLinkStatus,
  type ResourceMode,
} from './constants.js';
import type { ReferralState } from './types.js';
import { STATUS_REASON_LABELS, type StatusReasonCode } from '../codes/status-reasons.js';
import { isFinishedStatus } from './workflow.js';

/** The end-of-journey summary for the GP and the referrer, as data. */
export interface MessageBackData {
  readonly referralId: string;
  /** Pseudonymous reference: the host maps it back to the patient record. */
  readonly person: string;
  readonly practiceId: string;
  readonly status: ReferralStatus;
  /** Whether the journey has finished; before then the message is an interim update. */
  readonly final: boolean;
  /** The coded reason of the latest status change that needed one (rejected, cancelled, failed…). */
  readonly statusReasonCode?: StatusReasonCode;
  /** The code's standard label. */
  readonly statusReasonLabel?: string;
  /**
   * The free text written with the latest status change: only when the person
   * consented to sharing the outcome with the GP record (`detailsShared`).
   * Without that consent only the code and its label are sent.
   */
  readonly statusReason?: string;
  readonly requestedAt?: string;
  readonly finishedAt?: string;
  /**
   * Whether the person consented to sharing the outcome with the GP record.
   * Without it, the details below are withheld and only the status is sent.
   */
  readonly detailsShared: boolean;
  readonly outcome?: { readonly code: OutcomeCode; readonly label: string; readonly summary: string };
  readonly goals: readonly { readonly statement: string; readonly theme: string; readonly status: GoalStatus }[];
  readonly resources: readonly {
    readonly name: string;
    readonly mode: ResourceMode;
    readonly status: ResourceLinkStatus;
  }[];
  /** Number of contacts (sessions) with the CLP. */
  readonly contacts: number;
  readonly contactAttempts: number;
  readonly firstContactAt?: string;
}

/** The message back: the data and the same as plain text. */
export interface MessageBack {
  readonly data: MessageBackData;
  /** Plain text for the GP record and the referrer. */
  readonly text: string;
}

const date = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');

/**
 * The message back to the GP and the referrer at the end of the journey (as
 * in the PRSB social prescribing standard): outcome, goals, resources and
 * the number of contacts. The details go only with the person's consent to
 * share the outcome with the GP record; without it the message says the
 * referral's status, the coded reason for it (the code's standard label) and
 * that details were withheld: no free text written in the toolkit (the
 * reason's text, the outcome summary, goals, notes) is in it. Before the
 * journey ends it is marked as an interim update.
 */
export function messageBack(referral: ReferralState, options: { readonly framework?: Framework } = {}): MessageBack {
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const themeName = (id: string) => framework.themes.find((t) => t.id === id)?.name ?? id;
  const final = isFinishedStatus(referral.status);
  const detailsShared = referral.consent['share-outcome-with-gp-record'] === 'given';
  const data: MessageBackData = {
    referralId: referral.id,
    person: referral.person,
    practiceId: referral.practiceId,
    status: referral.status,
    final,
    ...(referral.statusReasonCode !== undefined
      ? {
          statusReasonCode: referral.statusReasonCode,
          statusReasonLabel: STATUS_REASON_LABELS[referral.statusReasonCode],
        }
      : {}),
    ...(detailsShared && referral.statusReason?.trim() ? { statusReason: referral.statusReason } : {}),
    ...(referral.requestedAt !== undefined ? { requestedAt: referral.requestedAt } : {}),
    ...(referral.finishedAt !== undefined ? { finishedAt: referral.finishedAt } : {}),
    detailsShared,
    ...(detailsShared && referral.outcome
      ? {
          outcome: {
            code: referral.outcome.code,
            label: REFERRAL_LABELS.outcome[referral.outcome.code],
            summary: referral.outcome.summary,
          },
        }
      : {}),
    goals: detailsShared
      ? referral.goals.map((g) => ({ statement: g.statement, theme: themeName(g.themeId), status: g.status }))
      : [],
    resources: detailsShared
      ? referral.resourceLinks.map((l) => ({ name: l.resource.name, mode: l.mode, status: l.status }))
      : [],
    contacts: detailsShared ? referral.contacts.length : 0,
    contactAttempts: detailsShared ? referral.contactAttempts.length : 0,
    ...(detailsShared && referral.firstContactAt !== undefined ? { firstContactAt: referral.firstContactAt } : {}),
  };
  return { data, text: messageText(data) };
}

function messageText(data: MessageBackData): string {
  const status = REFERRAL_LABELS.status[data.status].toLowerCase();
  const lines = [
    data.final ? 'Community Links Practitioner: message back' : 'Community Links Practitioner: interim update',
    `Referral ${data.referralId} for person ${data.person} (practice ${data.practiceId})`,
    data.final
      ? `Status: ${status}${data.finishedAt ? ` on ${date(data.finishedAt)}` : ''}${
          data.requestedAt ? ` (requested ${date(data.requestedAt)})` : ''
        }.`
      : `Status: ${status}${data.requestedAt ? ` (requested ${date(data.requestedAt)})` : ''}.`,
  ];
  if (data.statusReasonLabel || data.statusReason)
    lines.push(
      `Reason: ${[data.statusReasonLabel ? `${data.statusReasonLabel}.` : '', data.statusReason ?? '']
        .filter(Boolean)
        .join(' ')}`,
    );
  if (!data.detailsShared) {
    lines.push('Details withheld: the person has not consented to sharing the outcome with the GP record.');
    return lines.join('\n');
  }
  if (data.outcome)
    lines.push(`Outcome: ${data.outcome.label}.${data.outcome.summary ? ` ${data.outcome.summary}` : ''}`);
  lines.push(
    data.contacts === 0
      ? `Contacts: none${
          data.contactAttempts > 0
            ? ` (${data.contactAttempts} attempt${data.contactAttempts === 1 ? '' : 's'} to make contact)`
            : ''
        }.`
      : `Contacts: ${data.contacts}${data.firstContactAt ? `, the first on ${date(data.firstContactAt)}` : ''}.`,
  );
  if (data.goals.length > 0) {
    lines.push('Goals:');
    for (const goal of data.goals)
      lines.push(`- ${goal.statement} (${goal.theme}): ${REFERRAL_LABELS.goalStatus[goal.status].toLowerCase()}`);
  } else {
    lines.push('Goals: none recorded.');
  }
  if (data.resources.length > 0) {
    lines.push('Community resources:');
    for (const resource of data.resources) {
      lines.push(
        `- ${resource.name}: ${REFERRAL_LABELS.resourceMode[
          resource.mode
        ].toLowerCase()}, ${REFERRAL_LABELS.resourceLinkStatus[resource.status].toLowerCase()}`,
      );
    }
  } else {
    lines.push('Community resources: none linked.');
  }
  return lines.join('\n');
}
