// Helpers for the portfolio service's integration tests: its URL (JT_PORTFOLIO_URL, set by
// scripts/test), tokens of every shape (minted with the auth service's signing key), and calls.
import { randomUUID } from 'node:crypto';

import { call } from './http.mjs';
import { claims, signRS256 } from './jwt.mjs';

if (!process.env.JT_PORTFOLIO_URL) {
  throw new Error('integration tests: JT_PORTFOLIO_URL is not set; run them with scripts/test');
}
export const portfolioUrl = process.env.JT_PORTFOLIO_URL.replace(/\/+$/, '');
export const portfolioBasePath = new URL(portfolioUrl).pathname;

// A token for a user with the given role (and, for an editor, action lines).
export function token({ role = 'beheerder', lines, sub = randomUUID(), scopes } = {}) {
  const scope = scopes ?? (role === 'lezer' ? 'portfolio:read' : 'portfolio:read portfolio:write');
  return signRS256(claims({ sub, roles: [role], scope, actielijnen: lines }));
}

export const adminToken = () => token({ role: 'beheerder' });
export const editorToken = (lines) => token({ role: 'redacteur', lines });
export const readerToken = () => token({ role: 'lezer' });

// path below /api/portfolio/v1; default token: a beheerder.
export function pf(path, options = {}) {
  const opts = { ...options };
  if (!('token' in opts)) opts.token = adminToken();
  if (opts.token === null) delete opts.token;
  return call(portfolioUrl + path, opts);
}

// A fresh project in an action line (appended at the end of its line).
export async function newProject(fields = {}) {
  const r = await pf('/projecten', {
    method: 'POST',
    json: { actielijn: 1, titel: `Testproject ${randomUUID()}`, soort: 'nieuw', ...fields },
  });
  if (r.status !== 201) throw new Error(`project not created: ${r.status} ${r.text}`);
  return { project: r.json, etag: r.headers.get('etag') };
}

export const ALL_SETTLED = Object.fromEntries(
  ['projectorganisatie', 'uitvoeringEnFasering', 'menskrachtEnMiddelen', 'financiering', 'evaluatie']
    .map((k) => [k, { status: 'geregeld', toelichting: 'geregeld in test' }]),
);
