/** Types for scripts/fixture-server.mjs (the local ALISS v4 / HSDS stand-in used by tests). */
export interface FixtureRequest {
  readonly method: string | undefined;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}
export type FixtureMode =
  '500' | '503' | 'invalid-json' | 'html' | 'drift' | 'slow' | 'slow-body' | 'reset' | 'fail-page-2' | 'foreign-next';
export interface FixtureServer {
  readonly url: string;
  readonly port: number;
  readonly requests: FixtureRequest[];
  alissBaseUrl(mode?: FixtureMode): string;
  hsdsBaseUrl(mode?: FixtureMode): string;
  close(): Promise<void>;
}
export interface FixtureServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly maxPageSize?: number;
  readonly defaultPageSize?: number;
  readonly delayMs?: number;
  readonly fixturesDir?: string;
}
export const ALISS_META: {
  readonly licence: string;
  readonly attribution: readonly { text: string; url: string | null }[];
};
export function startFixtureServer(options?: FixtureServerOptions): Promise<FixtureServer>;
