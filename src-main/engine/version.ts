/** The engine's version, written into every trace. Bump when any output for the same input changes. */
export const ENGINE_VERSION = '1.3.0';
/** The trace format's version (docs/trace.schema.json). */
export const TRACE_VERSION = 2;
