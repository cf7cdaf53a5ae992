// A module resolution hook for running the CLI from this repository's
// TypeScript source: it adds the "@links-approach/source" export condition,
// so workspace packages resolve to src/ (what --conditions does on the
// command line).
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('@links-approach/source')
    ? context.conditions
    : [...context.conditions, '@links-approach/source'];
  return nextResolve(specifier, { ...context, conditions });
}
