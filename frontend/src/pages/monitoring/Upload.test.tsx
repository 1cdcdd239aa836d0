import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/client';
import type { Importsamenvatting } from '../../api/types/monitoring';

vi.mock('../../api/client', async (orig) => {
  const mod = await orig<typeof import('../../api/client')>();
  return { ...mod, request: vi.fn() };
});
import { request } from '../../api/client';
import { UploadForm } from './Upload';

const HEADER = 'indicator;gebied;periode;waarde;teller;noemer;status';
const GOOD = 'WT_JGGZ;GM0153;2025-Q1;9.5;;;';
const BAD = 'WT_JGGZ;GM9999;2025-Q1;9.5;;;';

function summary(over: Partial<Importsamenvatting> = {}): Importsamenvatting {
  return {
    import: null,
    status: 'gedeeltelijk',
    dryRun: true,
    modus: 'gedeeltelijk',
    formaat: 'csv',
    aantallen: { rijen: 2, aangemaakt: 1, bijgewerkt: 0, ongewijzigd: 0, afgewezen: 1 },
    afwijzingen: [{ rij: 2, regel: 3, veld: 'gebied', code: 'unknown', reden: 'Onbekend gebied: GM9999.' }],
    afwijzingenTotaal: 1,
    afwijzingenVolledig: true,
    ...over,
  };
}

async function chooseFile(text: string) {
  const input = screen.getByLabelText('CSV-bestand', { exact: true }) as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], 'waarden.csv', { type: 'text/csv' })] } });
  });
  await waitFor(() => expect(screen.queryByTestId('bestand-info') ?? screen.getByLabelText('CSV-bestand', { exact: true })).toBeTruthy());
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('the CSV upload', () => {
  beforeEach(() => vi.mocked(request).mockReset());

  it('refuses a file without the required columns before sending anything', async () => {
    render(<UploadForm onImported={() => {}} />);
    await chooseFile('indicator;gebied;jaar;waarde\nX;GM0153;2024;1\n');
    await click('Controleren (proefimport)');
    expect(request).not.toHaveBeenCalled();
    const input = screen.getByLabelText('CSV-bestand', { exact: true });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/mist de kolom\(men\): periode/).length).toBeGreaterThan(0);
  });

  it('shows the dry run with the rejected line, then imports once with an Idempotency-Key', async () => {
    const onImported = vi.fn();
    vi.mocked(request)
      .mockResolvedValueOnce({ data: summary(), etag: null })
      .mockResolvedValueOnce({ data: summary({ dryRun: false, import: 'b1' }), etag: null });
    render(<UploadForm onImported={onImported} />);
    await chooseFile(`${HEADER}\n${GOOD}\n${BAD}\n`);
    expect(screen.getByTestId('bestand-info').textContent).toBe('waarden.csv: 2 gegevensrijen, scheidingsteken ;');
    fireEvent.click(screen.getByLabelText('Importeer de goede rijen en sla de afgekeurde over'));
    await click('Controleren (proefimport)');

    const [dryPath, dryOpts] = vi.mocked(request).mock.calls[0];
    expect(dryPath).toBe('/api/monitoring/v1/importen?dryRun=true&modus=gedeeltelijk');
    expect(dryOpts).toMatchObject({ method: 'POST', contentType: 'text/csv' });
    expect(dryOpts?.headers).toBeUndefined();
    const preview = screen.getByTestId('proefimport');
    expect(preview.textContent).toContain('Onbekend gebied: GM9999.');
    expect(preview.textContent).toContain(BAD); // the rejected line of the file itself
    expect(onImported).not.toHaveBeenCalled();

    await click('Goede rijen importeren (1)');
    const [path, opts] = vi.mocked(request).mock.calls[1];
    expect(path).toBe('/api/monitoring/v1/importen?modus=gedeeltelijk');
    expect(opts?.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(screen.getByTestId('importresultaat').textContent).toContain('1 nieuw');
    expect(screen.queryByTestId('proefimport')).toBeNull();
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('offers no import in the all-or-nothing mode while rows are rejected', async () => {
    vi.mocked(request).mockResolvedValueOnce({ data: summary({ modus: 'atomisch', status: 'afgewezen', aantallen: { rijen: 2, aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 0, afgewezen: 1, nietVerwerkt: 1 } }), etag: null });
    render(<UploadForm onImported={() => {}} />);
    await chooseFile(`${HEADER}\n${GOOD}\n${BAD}\n`);
    await click('Controleren (proefimport)');
    expect(vi.mocked(request).mock.calls[0][0]).toContain('modus=atomisch');
    expect(screen.getByText(/wordt niets geïmporteerd zolang er afgekeurde rijen zijn/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /importeren/i })).toBeNull();

    // Choosing the other mode checks again at once, and then offers the good rows.
    vi.mocked(request).mockResolvedValueOnce({ data: summary(), etag: null });
    await act(async () => {
      fireEvent.click(screen.getByLabelText('Importeer de goede rijen en sla de afgekeurde over'));
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Goede rijen importeren (1)' })).toBeTruthy());
    expect(vi.mocked(request).mock.calls[1][0]).toBe('/api/monitoring/v1/importen?dryRun=true&modus=gedeeltelijk');
  });

  it('explains a 403 (no right to push) and a header the service refuses', async () => {
    vi.mocked(request)
      .mockRejectedValueOnce(new ApiError(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: "Hiervoor is de scope 'monitoring:ingest' nodig." }))
      .mockRejectedValueOnce(
        new ApiError(400, {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'De inhoud is als geheel onleesbaar; er is niets verwerkt.',
          invalidParams: [{ name: 'kopregel', code: 'required', reason: 'De kolom periode ontbreekt.' }],
        }),
      );
    render(<UploadForm onImported={() => {}} />);
    await chooseFile(`${HEADER}\n${GOOD}\n`);
    await click('Controleren (proefimport)');
    expect(screen.getByRole('alert').textContent).toContain('aanleverrecht');

    await click('Controleren (proefimport)');
    const input = screen.getByLabelText('CSV-bestand', { exact: true });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('De kolom periode ontbreekt.');
  });

  it('shows the summary of an all-or-nothing import the service refused', async () => {
    const onImported = vi.fn();
    vi.mocked(request)
      .mockResolvedValueOnce({ data: summary({ modus: 'atomisch', afwijzingen: [], aantallen: { rijen: 1, aangemaakt: 1, bijgewerkt: 0, ongewijzigd: 0, afgewezen: 0 } }), etag: null })
      .mockRejectedValueOnce(new ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Afgekeurd.', samenvatting: summary({ dryRun: false, status: 'afgewezen', modus: 'atomisch' }) } as never));
    render(<UploadForm onImported={onImported} />);
    await chooseFile(`${HEADER}\n${GOOD}\n`);
    await click('Controleren (proefimport)');
    await click('Importeren');
    const result = screen.getByTestId('importresultaat');
    expect(result.textContent).toContain('Er is niets geïmporteerd');
    expect(result.textContent).toContain('Onbekend gebied: GM9999.');
    expect(onImported).toHaveBeenCalledTimes(1);
  });
});
