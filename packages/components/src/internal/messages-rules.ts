import { renderWith, type MessageParams } from '@links-approach/core';
import { NETWORK_ISSUES } from './messages-network.js';

type Renderers = Readonly<Record<string, ((params: MessageParams) => string) | undefined>>;

/**
 * The msg()-based maps for the rule issues of core's plan, network register
 * and outcome areas (message codes `plan.*`, `network.*`, `outcome.*` and
 * the instrument schema's own). The network register's map is always here
 * (small); the plan's and the outcomes' are registered by the elements that
 * show them (`PlanEditingElement`, `<links-outcome-form>`), so the other
 * elements' bundles do not carry them.
 */
const maps: Renderers[] = [NETWORK_ISSUES as Renderers];

/** Adds a map of rule messages (once), for `issueText` to render its codes in the page's locale. */
export function registerRuleMessages(map: object): void {
  if (!maps.includes(map as Renderers)) maps.push(map as Renderers);
}

/** A rule issue's code rendered by the registered maps, or `undefined` when none knows it. */
export function renderRuleIssue(code: string, params: MessageParams | undefined): string | undefined {
  for (const map of maps) {
    const text = renderWith(map, code, params);
    if (text !== undefined) return text;
  }
  return undefined;
}
