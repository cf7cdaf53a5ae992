// Minimal local typing of the part of papaparse that core uses (`unparse`).
// Deliberately not @types/papaparse, which pulls Node's types into core.
declare module 'papaparse' {
  interface UnparseConfig {
    quotes?: boolean | readonly boolean[];
    quoteChar?: string;
    escapeChar?: string;
    delimiter?: string;
    header?: boolean;
    newline?: string;
    skipEmptyLines?: boolean | 'greedy';
    escapeFormulae?: boolean | RegExp;
  }
  interface UnparseObject {
    fields: readonly string[];
    data: readonly (readonly unknown[])[];
  }
  const Papa: {
    unparse(data: UnparseObject | readonly (readonly unknown[])[], config?: UnparseConfig): string;
  };
  export default Papa;
}
