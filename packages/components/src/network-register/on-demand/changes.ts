/*
 * What `<links-network-register>` loads when the person first focuses one of
 * its forms or buttons (at the latest when they save a change): core's
 * register operations, which check each change (zod) and produce the new
 * register (immer). The register renders without them
 * (internal/on-demand.ts).
 */
export {
  addRelationship,
  endRelationship,
  reactivateRelationship,
  recordContact,
  setAlissListing,
  updateRelationship,
} from '@links-approach/core/network';
