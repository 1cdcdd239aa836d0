import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { _reset, accessToken, getSession, login, logout, refresh, start } from './session';
import { request } from './client';

const me = { id: 'u1', gebruikersnaam: 'admin', naam: 'Beheerder', email: null, rol: 'beheerder', actielijnen: [], actief: true, scopes: ['portfolio:read'] };
const session = (tok: string) => ({ accessToken: tok, tokenType: 'Bearer', expiresIn: 600, gebruiker: me });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  _reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  // jsdom has no Web Locks: the in-tab guard alone must hold.
  vi.stubGlobal('navigator', { ...navigator, locks: undefined });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the session', () => {
  it('keeps the token in memory only', async () => {
    fetchMock.mockImplementation(async (url: string) => (url.endsWith('/mij') ? json(me) : json(session('tok-1'))));
    const r = await login('admin', 'geheim');
    expect(r.ok).toBe(true);
    expect(accessToken()).toBe('tok-1');
    expect(getSession().status).toBe('authenticated');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('renews once for many simultaneous callers (a refresh token may be used only once)', async () => {
    let calls = 0;
    fetchMock.mockImplementation(async (url: string) => {
      if (url.endsWith('/mij')) return json(me);
      calls++;
      return json(session(`tok-${calls}`));
    });
    const results = await Promise.all([refresh(), refresh(), start()]);
    expect(results).toEqual([true, true, true]);
    expect(calls).toBe(1);
  });

  it('renews a minute before the token expires', async () => {
    let calls = 0;
    fetchMock.mockImplementation(async (url: string) => {
      if (url.endsWith('/mij')) return json(me);
      calls++;
      return json(session(`tok-${calls}`));
    });
    await start();
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(539_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    expect(accessToken()).toBe('tok-2');
  });

  it('without a refresh cookie at start there is simply no session', async () => {
    fetchMock.mockResolvedValue(json({ status: 401, title: 'Unauthorized' }, 401));
    expect(await start()).toBe(false);
    expect(getSession().status).toBe('anonymous');
  });

  it('an expired session keeps the user, so the screens and their drafts survive', async () => {
    fetchMock.mockImplementation(async (url: string) => (url.endsWith('/mij') ? json(me) : json(session('tok-1'))));
    await login('admin', 'geheim');
    fetchMock.mockImplementation(async () => json({ status: 401, title: 'Unauthorized', type: 'about:blank', detail: 'x' }, 401));
    await expect(request('/api/portfolio/v1/overzicht')).rejects.toMatchObject({ status: 401 });
    expect(getSession().status).toBe('expired');
    expect(getSession().user?.id).toBe('u1');
  });

  it('a 401 on a call renews the token and repeats the call once', async () => {
    fetchMock.mockImplementation(async (url: string) => (url.endsWith('/mij') ? json(me) : json(session('tok-1'))));
    await login('admin', 'geheim');
    let first = true;
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (url.endsWith('/mij')) return json(me);
      if (url.endsWith('/vernieuwen')) return json(session('tok-2'));
      const auth = (init.headers as Record<string, string>).Authorization;
      if (first) {
        first = false;
        return json({ status: 401, title: 'Unauthorized' }, 401);
      }
      return json({ ok: auth });
    });
    const r = await request<{ ok: string }>('/api/portfolio/v1/overzicht');
    expect(r.data.ok).toBe('Bearer tok-2');
  });

  it('logout forgets the token and ends the session at the server', async () => {
    fetchMock.mockImplementation(async (url: string) => (url.endsWith('/mij') ? json(me) : json(session('tok-1'))));
    await login('admin', 'geheim');
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await logout();
    expect(fetchMock).toHaveBeenLastCalledWith('/api/auth/v1/sessies/huidig', expect.objectContaining({ method: 'DELETE' }));
    expect(accessToken()).toBeNull();
    expect(getSession().status).toBe('anonymous');
  });
});
