import { monthsBetween } from '../resources/freshness.js';
import type { NetworkRegister, Relationship } from './types.js';

/** An active relationship with no contact for this many whole months has gone quiet (default 6). */
export const QUIET_AFTER_MONTHS = 6;

function toDate(value: Date | string): Date | undefined {
  const date =
    value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

/** How long a relationship has been without contact. */
export interface QuietCheck {
  /** True when active and not contacted (or, if never contacted, not added) within the threshold. */
  readonly quiet: boolean;
  /** Whole months since the last contact, or since it was added if never contacted. */
  readonly monthsSinceContact: number;
  /** Whether there has been any contact at all. */
  readonly everContacted: boolean;
  /** Plain English: "no contact for 8 months", "no contact since it was added 7 months ago". */
  readonly text: string;
}

/**
 * Whether a relationship has gone quiet: active, and no contact for
 * `quietAfterMonths` whole months (default {@link QUIET_AFTER_MONTHS}).
 * A relationship never contacted counts from the day it was added.
 */
export function checkQuiet(
  relationship: Relationship,
  asOf: Date | string,
  quietAfterMonths: number = QUIET_AFTER_MONTHS,
): QuietCheck {
  const now = toDate(asOf);
  const from = toDate(relationship.lastContact ?? relationship.since);
  const months = now && from ? monthsBetween(from, now) : 0;
  const everContacted = relationship.lastContact !== undefined;
  const quiet = relationship.status === 'active' && months >= quietAfterMonths;
  const span = months === 0 ? 'less than a month' : `${months} month${months === 1 ? '' : 's'}`;
  const text = everContacted
    ? months === 0
      ? 'contacted within the last month'
      : `no contact for ${span}`
    : `no contact since it was added ${months === 0 ? 'this month' : `${span} ago`}`;
  return { quiet, monthsSinceContact: months, everContacted, text };
}

/** One figure for a capacity's measures, ready to add to a plan's data points. */
export interface CapacityFigure {
  /** The capacity it informs: `network-building` or `intelligence`. */
  readonly capacity: 'network-building' | 'intelligence';
  /** A stable id for the measure. */
  readonly measure: 'active-relationships' | 'quiet-relationships' | 'resources-listed' | 'helped-to-list' | 'visits';
  /** What it counts, in words. */
  readonly name: string;
  readonly value: number;
}

/** Figures from the register, as of a date. */
export interface NetworkMetrics {
  readonly asOf: string;
  /** All relationships, active or ended. */
  readonly relationships: number;
  readonly activeRelationships: number;
  readonly endedRelationships: number;
  /** Active relationships by ALISS listing. */
  readonly listing: { readonly listed: number; readonly notListed: number; readonly helpedToList: number };
  /** Active relationships whose organisation is on ALISS (listed, or helped to list). */
  readonly resourcesListed: number;
  /** Visits recorded across active relationships. */
  readonly visits: number;
  /** Active relationships not contacted within the quiet threshold, quietest first. */
  readonly quiet: readonly {
    readonly id: string;
    readonly organisation: string;
    readonly monthsSinceContact: number;
    readonly everContacted: boolean;
  }[];
  /** The threshold used, in months. */
  readonly quietAfterMonths: number;
  /** The figures that feed the Network Building and Intelligence capacities. */
  readonly capacities: readonly CapacityFigure[];
}

/**
 * Counts what the Network Building and Intelligence capacities ask about:
 * active relationships, organisations listed on ALISS (and those the CLP
 * helped to list), visits, and relationships not contacted in 6 months.
 */
export function networkMetrics(
  register: NetworkRegister,
  asOf: Date | string,
  options: { quietAfterMonths?: number } = {},
): NetworkMetrics {
  const quietAfterMonths = options.quietAfterMonths ?? QUIET_AFTER_MONTHS;
  const date = toDate(asOf);
  const asOfText = date ? date.toISOString().slice(0, 10) : String(asOf);
  const active = register.relationships.filter((r) => r.status === 'active');
  const count = (listing: Relationship['alissListing']) => active.filter((r) => r.alissListing === listing).length;
  const listing = { listed: count('listed'), notListed: count('not-listed'), helpedToList: count('helped-to-list') };
  const quiet = active
    .map((r) => ({ r, check: checkQuiet(r, asOf, quietAfterMonths) }))
    .filter(({ check }) => check.quiet)
    .sort(
      (a, b) =>
        b.check.monthsSinceContact - a.check.monthsSinceContact ||
        a.r.organisation.name.localeCompare(b.r.organisation.name, 'en-GB'),
    )
    .map(({ r, check }) => ({
      id: r.id,
      organisation: r.organisation.name,
      monthsSinceContact: check.monthsSinceContact,
      everContacted: check.everContacted,
    }));
  const visits = active.reduce((sum, r) => sum + r.visits, 0);
  const resourcesListed = listing.listed + listing.helpedToList;
  return {
    asOf: asOfText,
    relationships: register.relationships.length,
    activeRelationships: active.length,
    endedRelationships: register.relationships.length - active.length,
    listing,
    resourcesListed,
    visits,
    quiet,
    quietAfterMonths,
    capacities: [
      {
        capacity: 'network-building',
        measure: 'active-relationships',
        name: 'Active relationships with community organisations',
        value: active.length,
      },
      {
        capacity: 'network-building',
        measure: 'quiet-relationships',
        name: `Relationships not contacted in ${quietAfterMonths} months`,
        value: quiet.length,
      },
      { capacity: 'network-building', measure: 'visits', name: 'Visits to community organisations', value: visits },
      {
        capacity: 'intelligence',
        measure: 'resources-listed',
        name: 'Organisations in the network listed on ALISS',
        value: resourcesListed,
      },
      {
        capacity: 'intelligence',
        measure: 'helped-to-list',
        name: 'Organisations helped to list on ALISS',
        value: listing.helpedToList,
      },
    ],
  };
}
