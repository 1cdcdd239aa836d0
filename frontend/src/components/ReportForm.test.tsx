import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';

vi.mock('../api/client', async (orig) => {
  const mod = await orig<typeof import('../api/client')>();
  return { ...mod, request: vi.fn() };
});
import { request } from '../api/client';
import { ReportForm, validateReport } from './ReportForm';

describe('ReportForm', () => {
  it('checks the required fields before sending', () => {
    const e = validateReport({ periodeVan: '2025-03-01', periodeTot: '2025-02-01', ragStatus: '', samenvatting: ' ', resultaten: '', risicos: '', volgendeStappen: '', gevraagdeBesluiten: '' });
    expect(Object.keys(e).sort()).toEqual(['periodeTot', 'ragStatus', 'samenvatting']);
  });

  it('shows the server’s invalidParams next to the fields and keeps the input as a draft', async () => {
    vi.mocked(request).mockRejectedValueOnce(
      new ApiError(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'De invoer bevat fouten.',
        invalidParams: [{ name: 'samenvatting', code: 'length', reason: 'Mag hooguit 10000 tekens lang zijn.' }],
      }),
    );
    const { unmount } = render(<ReportForm projectId="p1" onSaved={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rapportage schrijven' }));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'risico' } });
    fireEvent.change(screen.getByLabelText(/Samenvatting/), { target: { value: 'Te lang' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rapportage opslaan' }));
    });
    const field = screen.getByLabelText(/Samenvatting/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Mag hooguit 10000 tekens lang zijn.');

    // The session expires, the screen goes away; after logging in the text is back.
    unmount();
    render(<ReportForm projectId="p1" onSaved={() => {}} />);
    expect((screen.getByLabelText(/Samenvatting/) as HTMLTextAreaElement).value).toBe('Te lang');
    expect(screen.getByText(/eerder ingevulde tekst is bewaard/)).toBeTruthy();
  });
});
