import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Begrotingsregel } from '../../api/types/budget';

vi.mock('../../api/client', async (orig) => {
  const mod = await orig<typeof import('../../api/client')>();
  return { ...mod, request: vi.fn() };
});
import { ApiError, request } from '../../api/client';
import { BudgetTable } from './BudgetTable';
import { ContributionForm } from './ContributionForm';
import { LineForm } from './LineForm';
import { buildBudgetTable } from './model';
import { NO_NAMES, type Names } from './names';
import { dropDraft } from '../../lib/drafts';

const names: Names = { ...NO_NAMES, gemeenten: [{ code: 'GM0153', naam: 'Enschede', inwoners: 1, peildatum: '2024-01-01', toelichting: null }] };
const line: Begrotingsregel = {
  id: 'l1', scope: 'programma', actielijn: null, projectId: null, jaar: 2025, aard: 'structureel', categorie: 'ondersteuning',
  omschrijving: 'Secretariaat', bedrag: 123456, status: 'vastgesteld', revisie: 1, demo: false, aangemaakt: '', gewijzigd: '',
};

beforeEach(() => {
  vi.mocked(request).mockReset();
  // A failed form keeps its input as a draft (lib/drafts); each test starts clean.
  for (const k of ['budget-contribution:new', 'budget-line:new', 'budget-line:l1']) dropDraft(k);
});
afterEach(() => vi.restoreAllMocks());

describe('ContributionForm', () => {
  it('shows the server’s problem next to its field and in the summary', async () => {
    vi.mocked(request).mockRejectedValueOnce(
      new ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'De invoer bevat fouten.', invalidParams: [{ name: 'gemeente', code: 'unknown', reason: 'Onbekende gemeente.' }] }),
    );
    render(<ContributionForm defaultYear={2025} names={names} onSaved={vi.fn()} onCancel={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Gemeente'), { target: { value: 'GM0153' } });
    fireEvent.change(screen.getByLabelText('Bedrag in euro'), { target: { value: '1.000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Bijdrage toevoegen' })));
    expect(vi.mocked(request).mock.calls[0][1]).toMatchObject({ method: 'POST', body: { gemeente: 'GM0153', bedrag: 100000, soort: 'geld' } });
    const field = screen.getByLabelText('Gemeente');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Onbekende gemeente.');
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: /Gemeente: Onbekende gemeente/ }).getAttribute('href')).toBe('#contribution-gemeente');
  });

  it('keeps what was typed, unsaved, for when the form opens again (e.g. after logging in anew)', () => {
    const first = render(<ContributionForm defaultYear={2025} names={names} onSaved={vi.fn()} onCancel={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Bedrag in euro'), { target: { value: '77' } });
    first.unmount();
    render(<ContributionForm defaultYear={2025} names={names} onSaved={vi.fn()} onCancel={vi.fn()} />);
    expect((screen.getByLabelText('Bedrag in euro') as HTMLInputElement).value).toBe('77');
    expect(screen.getByText(/staat weer klaar/)).toBeTruthy();
  });

  it('does not send what it can tell is wrong', async () => {
    render(<ContributionForm defaultYear={2025} names={names} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Bijdrage toevoegen' })));
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Kies de gemeente of de organisatie/);
  });
});

describe('LineForm', () => {
  it('on a 412 shows what the other person changed, then saves on top of their version', async () => {
    const theirs = { ...line, omschrijving: 'Secretariaat en communicatie', revisie: 2 };
    vi.mocked(request)
      .mockRejectedValueOnce(new ApiError(412, null))
      .mockResolvedValueOnce({ data: theirs, etag: '"v2"' })
      .mockResolvedValueOnce({ data: { ...theirs, bedrag: 200000 }, etag: '"v3"' });
    const onSaved = vi.fn();
    render(<LineForm line={{ data: line, etag: '"v1"' }} defaultYear={2025} names={names} onSaved={onSaved} onCancel={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Bedrag in euro'), { target: { value: '2.000' } });
    fireEvent.change(screen.getByLabelText('Reden van de wijziging'), { target: { value: 'Indexatie' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' })));
    expect(vi.mocked(request).mock.calls[0][1]).toMatchObject({ method: 'PATCH', ifMatch: '"v1"', body: { bedrag: 200000, toelichting: 'Indexatie' } });
    const notice = screen.getByTestId('budget-conflict');
    expect(notice.textContent).toMatch(/Omschrijving: Secretariaat en communicatie/);
    await act(async () => fireEvent.click(within(notice).getByRole('button', { name: /toepassen/ })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' })));
    // Only my own change goes again, against their version.
    expect(vi.mocked(request).mock.calls[2][1]).toMatchObject({ method: 'PATCH', ifMatch: '"v2"', body: { bedrag: 200000, toelichting: 'Indexatie' } });
    expect(vi.mocked(request).mock.calls[2][1]?.body).not.toHaveProperty('omschrijving');
    expect(onSaved).toHaveBeenCalled();
  });
});

describe('BudgetTable', () => {
  it('links every amount to its line and totals the years', () => {
    const table = buildBudgetTable([line, { ...line, id: 'l2', jaar: 2026, bedrag: 100000, status: 'raming' }], [2025, 2026]);
    render(
      <MemoryRouter>
        <BudgetTable table={table} names={names} />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Secretariaat, 2025: €\u00a01.234,56' });
    expect(link.getAttribute('href')).toBe('/begroting/regels/l1');
    const total = screen.getByRole('row', { name: /Totaal begroting/ });
    expect(total.textContent).toContain('€\u00a02.234,56');
    expect(screen.getByText('Raming')).toBeTruthy();
  });
});
