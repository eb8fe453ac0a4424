import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy of every response. The dashboard and the API share one origin, so
 * everything comes from 'self': no CDN, no inline or evaluated script. Styles may be inline
 * because React, recharts and the GraphiQL editor set style attributes and insert <style>
 * elements at run time; scripts may not. Workers (the GraphiQL editor's language service) load
 * from 'self' or from a blob the page made itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browser features Assay never uses, switched off for its pages and anything they embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** The headers set on every response, whatever the path or the status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

/**
 * Sets SECURITY_HEADERS on every response before anything else handles the request, so error
 * answers (404, 413, 500) carry them too. Mount it first. Express's X-Powered-By is disabled
 * separately with `app.disable('x-powered-by')`.
 */
export function securityHeaders(): RequestHandler {
  return (_request, response, next) => {
    response.set(SECURITY_HEADERS);
    next();
  };
}
