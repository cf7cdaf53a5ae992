import type { MessageParams } from '@links-approach/core';
import { NETWORK_ISSUES } from './messages-network.js';
import { OUTCOME_ISSUES } from './messages-outcomes.js';
import { PLAN_ISSUES } from './messages-plan.js';

/**
 * The rule issues of core's plan, network register and outcome areas
 * (message codes `plan.*`, `network.*`, `outcome.*` and the instrument
 * schema's own), through msg(), by code: `issueText` looks a code up here
 * when the validation map does not have it.
 */
export const RULE_ISSUES: Readonly<Record<string, ((params: MessageParams) => string) | undefined>> = {
  ...(PLAN_ISSUES as Record<string, (params: MessageParams) => string>),
  ...(NETWORK_ISSUES as Record<string, (params: MessageParams) => string>),
  ...(OUTCOME_ISSUES as Record<string, (params: MessageParams) => string>),
};
