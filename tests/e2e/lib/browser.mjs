// Shared helpers of the end-to-end tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), logins, axe-core checks and screenshots.
import { mkdtempSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const GATEWAY = (process.env.JT_GATEWAY_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const ADMIN_USERNAME = process.env.JT_ADMIN_USERNAME ?? 'admin';
export const ADMIN_PASSWORD = process.env.JT_ADMIN_PASSWORD ?? '';
export const ARTIFACTS = process.env.JT_E2E_ARTIFACTS ?? path.resolve(here, '../../../build-e2e/screenshots');
export const CHROMIUM = process.env.JT_CHROMIUM ?? '/usr/bin/chromium';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A fresh browser with a profile of its own (removed again by close()). */
export async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'jt-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15000);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Log in through the login screen; resolves when the app shows the user. */
export async function login(page, username = ADMIN_USERNAME, password = ADMIN_PASSWORD) {
  await page.goto(`${GATEWAY}/`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

/** Run axe-core in the page; returns the serious and critical violations. */
export async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(list) {
  return list.map((v) => `${v.impact} ${v.id}: ${v.help} [${v.nodes.join(' | ')}]`).join('\n');
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// --- the API, for setting up and checking ---

export async function api(method, pathname, { token, body, headers = {} } = {}) {
  const res = await fetch(`${GATEWAY}${pathname}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, headers: res.headers };
}

export async function adminToken() {
  const r = await api('POST', '/api/auth/v1/sessies', { body: { gebruikersnaam: ADMIN_USERNAME, wachtwoord: ADMIN_PASSWORD } });
  if (r.status !== 200) throw new Error(`admin login failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.accessToken;
}

/** A new user with role `rol` (through the auth admin API); returns its name and password. */
export async function createUser(rol) {
  const token = await adminToken();
  const gebruikersnaam = `e2e-${rol}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const wachtwoord = `Wachtwoord-${Math.random().toString(36).slice(2)}-e2e`;
  const r = await api('POST', '/api/auth/v1/gebruikers', { token, body: { gebruikersnaam, naam: `E2E ${rol}`, rol, wachtwoord } });
  if (r.status !== 201) throw new Error(`creating a ${rol} failed: ${r.status} ${JSON.stringify(r.json)}`);
  return { gebruikersnaam, wachtwoord, id: r.json.id };
}
