export declare function median(xs: readonly number[]): number;
export declare function best(xs: readonly number[]): number;
export declare function most(xs: readonly number[]): number;
export declare function percentile(xs: readonly number[], p: number): number;
