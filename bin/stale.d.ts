// Types for bin/stale.js (plain JS so `npm start` needs no compiler).
export declare const ROOT: string;
export declare const RENDERER_INPUTS: readonly string[];
export declare function isStale(output: string, inputs: readonly string[]): boolean;
