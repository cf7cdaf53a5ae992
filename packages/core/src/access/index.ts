/**
 * `@links-approach/core/access`: Who may read and change what in a shared Links service: the roles, the access policy per resource, practice boundaries, and the mapping onto the referral workflow's actor roles.
 *
 * @packageDocumentation
 */
export {
  SERVICE_ROLES,
  ACCESS_RESOURCES,
  ACCESS_POLICY,
  PERSON_LEVEL_RESOURCES,
  isAllowed,
  practicesInScope,
  decideAccess,
  workflowRole,
  roleName,
  type ServiceRole,
  type AccessResource,
  type AccessOperation,
  type PracticeScope,
  type AccessUser,
  type AccessRule,
  type AccessRefusal,
  type AccessDecision,
} from './policy.js';
