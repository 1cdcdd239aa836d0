import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { MijGebruiker } from '../../api/types';

const session = vi.hoisted(() => ({ user: null as MijGebruiker | null }));
vi.mock('../../auth/useSession', () => ({ useSession: () => ({ status: 'authenticated', user: session.user }) }));
import { AdminLayout } from './AdminLayout';
import { SecretOnce } from './SecretOnce';

const me = (rol: string, scopes: string[]) => ({ id: 'u', gebruikersnaam: 'x', naam: 'X', email: null, rol, actielijnen: [], actief: true, scopes }) as MijGebruiker;

describe('AdminLayout', () => {
  it('shows a lezer a clear "no access" and not the screen', () => {
    session.user = me('lezer', ['portfolio:read']);
    render(
      <MemoryRouter>
        <AdminLayout title="Gebruikers" current="/beheer/gebruikers">
          <p>geheime lijst</p>
        </AdminLayout>
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Geen toegang');
    expect(screen.getByText(/alleen voor beheerders/)).toBeTruthy();
    expect(screen.queryByText('geheime lijst')).toBeNull();
  });

  it('shows a beheerder the screen with the tabs', () => {
    session.user = me('beheerder', ['auth:admin']);
    render(
      <MemoryRouter>
        <AdminLayout title="Gebruikers" current="/beheer/gebruikers">
          <p>de lijst</p>
        </AdminLayout>
      </MemoryRouter>,
    );
    expect(screen.getByText('de lijst')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gebruikers' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Logboek' }).getAttribute('aria-current')).toBeNull();
  });
});

describe('SecretOnce', () => {
  const secret = 'dfo9tb1Cneq-yVnWMf7czIWDdmke1KqGY6glFfUml0k';

  it('shows the secret with a warning, copies it and is gone when done', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onDone = vi.fn();
    render(<SecretOnce clientId="kennispunt" secret={secret} onDone={onDone} />);
    expect((screen.getByLabelText('Geheim') as HTMLInputElement).value).toBe(secret);
    expect(screen.getByText(/maar één keer getoond/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kopiëren' }));
    });
    expect(writeText).toHaveBeenCalledWith(secret);
    expect(screen.getByRole('status').textContent).toBe('Het geheim is gekopieerd.');
    fireEvent.click(screen.getByRole('button', { name: /Ik heb het geheim bewaard/ }));
    expect(onDone).toHaveBeenCalled();
  });

  it('says so when copying is not possible', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn().mockRejectedValue(new Error('no')) }, configurable: true });
    document.execCommand = vi.fn().mockReturnValue(false);
    render(<SecretOnce clientId="kennispunt" secret={secret} onDone={() => {}} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kopiëren' }));
    });
    expect(screen.getByRole('status').textContent).toMatch(/lukte niet/);
  });
});
