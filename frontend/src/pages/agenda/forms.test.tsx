import { describe, expect, it, vi, beforeEach } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../api/client';

vi.mock('../../api/client', async (orig) => {
  const mod = await orig<typeof import('../../api/client')>();
  return { ...mod, request: vi.fn() };
});
import { request } from '../../api/client';
import type { Actielijn, Mijlpalen, Project } from '../../api/types';
import type { Kernprobleem } from '../../api/types/agenda';
import { Milestones } from './Milestones';
import { PhaseChange } from './PhaseChange';
import { TriageForm } from './ProblemForms';

const problem = (status: number, detail: string, invalidParams?: { name: string; code: string; reason: string }[]) =>
  new ApiError(status, { type: 'about:blank', title: 'x', status, detail, invalidParams });

beforeEach(() => vi.mocked(request).mockReset());

describe('the phase change form', () => {
  const project = { id: 'p1', fase: 'plan', randvoorwaarden: { financiering: { status: 'open' } } } as unknown as Project;

  it('offers acceptance of the open preconditions into "project" and shows the server’s 409 as it comes', async () => {
    vi.mocked(request).mockRejectedValueOnce(problem(409, 'Naar fase project met open randvoorwaarden kan alleen als u die expliciet accepteert.'));
    render(<PhaseChange project={project} onSaved={() => {}} onEditPreconditions={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Fase wijzigen' }));
    expect((screen.getByLabelText('Volgende fase: Project') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Projectorganisatie, Uitvoering en fasering/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'Pilot start' } });
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Fase wijzigen' })[0]);
    });
    // The API's wording names its fields; the form says it in its own words, at the checkbox.
    expect(screen.getByRole('alert').textContent).toMatch(/bewust doorgaat met de open randvoorwaarden/);
    expect(screen.getByLabelText(/Ik ga door met deze open randvoorwaarden/).getAttribute('aria-invalid')).toBe('true');
    const body = vi.mocked(request).mock.calls[0][1]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ fase: 'project', toelichting: 'Pilot start' });
    expect(body).not.toHaveProperty('openRandvoorwaardenAccepteren');

    vi.mocked(request).mockResolvedValueOnce({ data: { naarFase: 'project' }, etag: null });
    fireEvent.click(screen.getByLabelText(/Ik ga door met deze open randvoorwaarden/));
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Fase wijzigen' })[0]);
    });
    expect(vi.mocked(request).mock.calls[1][1]?.body).toMatchObject({ openRandvoorwaardenAccepteren: true });
    expect(screen.getByText('Het project staat nu in de fase Project.')).toBeTruthy();
  });

  it('asks for a reason before sending anything', async () => {
    render(<PhaseChange project={project} onSaved={() => {}} onEditPreconditions={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Fase wijzigen' }));
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Fase wijzigen' })[0]);
    });
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Reden/).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the triage form', () => {
  const kp = { id: 'k1', titel: 'Wachtlijst', status: 'ingediend' } as Kernprobleem;
  const lines = [{ nummer: 1, titel: 'Wonen en zorg' }, { nummer: 2, titel: 'Onderwijs en zorg' }] as Actielijn[];

  it('shows the server’s invalidParams next to the field and offers only the allowed lines', async () => {
    vi.mocked(request).mockRejectedValueOnce(problem(400, 'De invoer bevat fouten.', [{ name: 'actielijn', code: 'forbidden', reason: 'Buiten uw actielijnen.' }]));
    render(<TriageForm problem={kp} lines={lines} projects={[]} allowedLines={[2]} onDone={() => {}} onCancel={() => {}} />);
    fireEvent.click(screen.getByLabelText(/Naar een actielijn/));
    const select = screen.getByLabelText('Actielijn') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', '2']);
    fireEvent.change(select, { target: { value: '2' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Triage vastleggen' }));
    });
    expect(vi.mocked(request).mock.calls[0][1]?.body).toEqual({ uitkomst: 'actielijn', actielijn: 2 });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(select.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Buiten uw actielijnen.');
  });
});

describe('the milestones', () => {
  const list = { mijlpalen: [{ id: 'm1', projectId: 'p1', titel: 'Plan klaar', streefdatum: '2026-12-01', gereedOp: null, versie: 3 }] } as unknown as Mijlpalen;

  it('mark one done with the ETag of the version just read', async () => {
    vi.mocked(request)
      .mockResolvedValueOnce({ data: { ...list.mijlpalen[0] }, etag: '"m1-3"' })
      .mockResolvedValueOnce({ data: {}, etag: '"m1-4"' });
    const changed = vi.fn();
    render(<Milestones projectId="p1" mijlpalen={list} editable onChanged={changed} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Gereed melden: Plan klaar' }));
    });
    const [path, opts] = vi.mocked(request).mock.calls[1];
    expect(path).toBe('/api/portfolio/v1/mijlpalen/m1');
    expect(opts).toMatchObject({ method: 'PATCH', ifMatch: '"m1-3"' });
    expect((opts?.body as { gereedOp: string }).gereedOp).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(changed).toHaveBeenCalled();
  });

  it('overwrite nothing when someone else changed the milestone meanwhile', async () => {
    vi.mocked(request).mockResolvedValueOnce({ data: { ...list.mijlpalen[0], versie: 4 }, etag: '"m1-4"' });
    render(<Milestones projectId="p1" mijlpalen={list} editable onChanged={() => {}} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Verwijderen: Plan klaar' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    });
    expect(vi.mocked(request).mock.calls).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toMatch(/intussen gewijzigd/);
  });

  it('offer no edit controls to a reader', () => {
    render(<Milestones projectId="p1" mijlpalen={list} editable={false} onChanged={() => {}} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
