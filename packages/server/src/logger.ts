import pino, { type Logger } from 'pino';

/**
 * Structured logs that never carry personal data: no bodies, no query strings, and the
 * credentials that could appear anyway are redacted.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'waymark' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', 'token', '*.token', 'url'],
      censor: '[redacted]',
    },
  });
}
