import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import {
  newReferralItemId,
  resourceReferenceFrom,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  type ResourceReference,
} from '@links-approach/core/referral';
import { resourceLinkStatusLabels, resourceModeLabels } from '../../internal/referral-labels.js';
import { options, type ActionForms } from './types.js';

/** Community resources: linking one (typed, or chosen in the slotted finder) and updating a link's status. */
export const resourceForms: ActionForms = {
  'resource-linked': {
    fields: ({ field, picked, onResourcePicked }) =>
      html`<div class="finder">
          <slot name="resource-finder" @links-resource-select=${onResourcePicked}></slot>
        </div>
        ${
          picked
            ? html`<p class="picked">
              ${msg(html`Chosen: <strong>${picked.name}</strong>`)}${picked.source ? html` (${picked.source})` : nothing}
            </p>`
            : nothing
        }
        ${field('resource.name', msg('Resource name'), 'text', {
          value: picked?.name ?? '',
          hint: msg('Filled in when you choose a resource above; or type it.'),
        })}
        ${field('resource.id', msg('Resource reference'), 'text', {
          value: picked?.id ?? '',
          hint: msg('Its id in the directory, or any reference the practice uses.'),
        })}
        ${field('mode', msg('How', { id: 'referral.field.resource-mode' }), 'select', {
          options: options(RESOURCE_MODES, resourceModeLabels()),
          hint: msg('Referring shares the person’s details: it needs their consent.'),
        })}`,
    build: (values, { picked }) => ({
      linkId: newReferralItemId('resource-link'),
      resource: {
        id: values.text('resource.id') ?? picked?.id,
        name: values.text('resource.name') ?? picked?.name,
        ...(picked?.source ? { source: picked.source } : {}),
      },
      mode: values.text('mode'),
    }),
  },
  'resource-updated': {
    fields: ({ field, referral }) =>
      html`${field('linkId', msg('Resource'), 'select', {
        options: referral.resourceLinks.map((l) => [l.id, l.resource.name] as const),
      })}
      ${field('status', msg('New status'), 'select', { options: options(RESOURCE_LINK_STATUSES, resourceLinkStatusLabels()) })}`,
    build: (values) => ({ linkId: values.text('linkId'), status: values.text('status') }),
  },
};

/** The resource a `links-resource-select` event chose (from the slotted finder), as a referral's resource reference. */
export function pickedResource(event: Event): ResourceReference | undefined {
  const detail = (
    event as CustomEvent<{
      resource?: { id: string; name: string; provenance?: { sourceName?: string; source?: string } };
    }>
  ).detail;
  return detail?.resource ? resourceReferenceFrom(detail.resource) : undefined;
}
