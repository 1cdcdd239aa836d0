// The environment the integration tests run in. scripts/test starts the services and sets these
// variables; running a test file without them fails at once with a message naming every missing one.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REQUIRED = [
  'JT_AUTH_URL', // the auth service directly, e.g. http://127.0.0.1:PORT/api/auth/v1
  'JT_GATEWAY_URL', // the nginx gateway, e.g. http://127.0.0.1:PORT
  'JT_KEYS_DIR', // signing.pem, signing.pub.pem, other.pem
  'JT_ISSUER',
  'JT_AUDIENCE',
  'JT_ADMIN_USERNAME',
  'JT_ADMIN_PASSWORD',
  'JT_PG_STOP', // shell command that stops the database cluster
  'JT_PG_START', // shell command that starts it again
  'JT_LOCKOUT_THRESHOLD',
  'JT_LOCKOUT_SECONDS',
  'JT_MAX_BODY_BYTES',
];

const missing = REQUIRED.filter((name) => !process.env[name]);
if (missing.length > 0) {
  throw new Error(
    `integration tests: environment variable(s) not set: ${missing.join(', ')}. ` +
      'These tests talk to running services; start them with scripts/test ' +
      '(which sets every JT_* variable) instead of running a test file directly.',
  );
}

function positiveInt(name) {
  const text = process.env[name];
  if (!/^\d+$/.test(text) || Number(text) <= 0) {
    throw new Error(`integration tests: ${name} must be a positive integer, got "${text}"`);
  }
  return Number(text);
}

function keyFile(name) {
  const file = path.join(process.env.JT_KEYS_DIR, name);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`integration tests: cannot read ${file} (JT_KEYS_DIR): ${err.message}`);
  }
}

export const cfg = Object.freeze({
  authUrl: process.env.JT_AUTH_URL.replace(/\/+$/, ''),
  gatewayUrl: process.env.JT_GATEWAY_URL.replace(/\/+$/, ''),
  issuer: process.env.JT_ISSUER,
  audience: process.env.JT_AUDIENCE,
  adminUsername: process.env.JT_ADMIN_USERNAME,
  adminPassword: process.env.JT_ADMIN_PASSWORD,
  pgStop: process.env.JT_PG_STOP,
  pgStart: process.env.JT_PG_START,
  lockoutThreshold: positiveInt('JT_LOCKOUT_THRESHOLD'),
  lockoutSeconds: positiveInt('JT_LOCKOUT_SECONDS'),
  maxBodyBytes: positiveInt('JT_MAX_BODY_BYTES'),
  signingKeyPem: keyFile('signing.pem'),
  signingPublicPem: keyFile('signing.pub.pem'),
  otherKeyPem: keyFile('other.pem'),
});

// The path part of JT_AUTH_URL ("/api/auth/v1"): what the gateway routes and what cookies name.
export const authBasePath = new URL(cfg.authUrl).pathname;
