import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../api/client';

vi.mock('../../api/client', async (orig) => {
  const mod = await orig<typeof import('../../api/client')>();
  return { ...mod, request: vi.fn() };
});
import { request } from '../../api/client';
import { OrganisationForm } from './OrganisationForm';

describe('OrganisationForm', () => {
  it('checks name and type itself, before asking the server', async () => {
    render(<OrganisationForm onSaved={() => {}} onCancel={() => {}} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Organisatie opslaan' }));
    });
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/Er is een probleem/);
  });

  it('shows the server’s CBS-code rule at the field, with a summary that links to it', async () => {
    vi.mocked(request).mockRejectedValueOnce(
      new ApiError(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'De invoer bevat fouten.',
        invalidParams: [{ name: 'cbsCode', code: 'required', reason: 'Een gemeente heeft een CBS-code.' }],
      }),
    );
    const onSaved = vi.fn();
    render(<OrganisationForm onSaved={onSaved} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Gemeente Nergens' } });
    fireEvent.change(screen.getByLabelText('Soort'), { target: { value: 'gemeente' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Organisatie opslaan' }));
    });
    expect(vi.mocked(request).mock.calls[0][1]).toMatchObject({ method: 'POST', body: { naam: 'Gemeente Nergens', type: 'gemeente', cbsCode: null } });
    const cbs = screen.getByLabelText('CBS-code');
    expect(cbs.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(cbs.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Een gemeente heeft een CBS-code.');
    const link = screen.getByRole('link', { name: /CBS-code: Een gemeente heeft een CBS-code/ });
    expect(link.getAttribute('href')).toBe('#org-cbsCode');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends only the changed fields with If-Match when editing', async () => {
    const org = { id: 'o1', code: null, naam: 'Accare', type: 'zorgaanbieder' as const, sector: 'JGGZ', website: null, cbsCode: null, inwoners: null, gewijzigdOp: '2025-01-01T00:00:00Z' };
    vi.mocked(request).mockResolvedValueOnce({ data: { ...org, sector: 'Jeugd-GGZ' }, etag: '"2"' });
    const onSaved = vi.fn();
    render(<OrganisationForm organisation={org} etag={'"1"'} onSaved={onSaved} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Sector of perspectief'), { target: { value: 'Jeugd-GGZ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    });
    expect(vi.mocked(request).mock.lastCall).toEqual(['/api/stakeholders/v1/organisaties/o1', { method: 'PATCH', body: { sector: 'Jeugd-GGZ' }, ifMatch: '"1"' }]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ sector: 'Jeugd-GGZ' }));
  });
});
