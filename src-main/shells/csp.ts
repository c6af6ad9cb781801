// The Content-Security-Policy every shell sends with the renderer: our own files only, no inline
// script or style, no frames, no forms. src-renderer/index.html repeats it as a meta tag for
// pages opened without these headers (test/web/server.test.ts keeps the two equal).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
