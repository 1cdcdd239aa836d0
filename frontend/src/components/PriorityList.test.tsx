import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Project } from '../api/types';
import { PriorityList } from './PriorityList';

vi.mock('../api/client', async (orig) => {
  const mod = await orig<typeof import('../api/client')>();
  return { ...mod, request: vi.fn(async () => ({ data: {}, etag: null })) };
});
import { request } from '../api/client';

const project = (id: string, rang: number): Project =>
  ({ id, rang, titel: `Project ${id}`, actielijn: 1, soort: 'nieuw', fase: 'onderzoek', status: 'voorgesteld', laatsteRag: null }) as Project;
const projects = [project('a', 1), project('b', 2), project('c', 3)];

function titles() {
  return within(screen.getByTestId('prioriteiten'))
    .getAllByRole('link')
    .map((a) => a.textContent);
}

beforeEach(() => vi.mocked(request).mockClear());
afterEach(() => vi.restoreAllMocks());

describe('PriorityList', () => {
  it('moves a priority with the keyboard and saves its new rank', async () => {
    const onSaved = vi.fn();
    render(
      <MemoryRouter>
        <PriorityList projects={projects} editable onSaved={onSaved} />
      </MemoryRouter>,
    );
    const handle = screen.getByRole('button', { name: /Verplaats “Project a”/ });
    fireEvent.keyDown(handle, { key: ' ' });
    expect(handle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('button', { name: /Verplaats “Project a”/ }), { key: 'ArrowDown' });
    expect(titles()).toEqual(['Project b', 'Project c', 'Project a']);
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('button', { name: /Verplaats “Project a”/ }), { key: ' ' });
    });
    expect(request).toHaveBeenCalledWith('/api/portfolio/v1/projecten/a/rang', { method: 'POST', body: { rang: 3 } });
    expect(onSaved).toHaveBeenCalled();
    expect(screen.getByText(/Volgorde opgeslagen/)).toBeTruthy();
  });

  it('Escape puts everything back without saving', () => {
    render(
      <MemoryRouter>
        <PriorityList projects={projects} editable />
      </MemoryRouter>,
    );
    const handle = screen.getByRole('button', { name: /Verplaats “Project c”/ });
    fireEvent.keyDown(handle, { key: 'Enter' });
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    expect(titles()).toEqual(['Project a', 'Project c', 'Project b']);
    fireEvent.keyDown(screen.getByRole('button', { name: /Verplaats “Project c”/ }), { key: 'Escape' });
    expect(titles()).toEqual(['Project a', 'Project b', 'Project c']);
    expect(request).not.toHaveBeenCalled();
  });

  it('shows a refused move (403) and restores the order', async () => {
    const { ApiError } = await import('../api/client');
    vi.mocked(request).mockRejectedValueOnce(new ApiError(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Forbidden' }));
    render(
      <MemoryRouter>
        <PriorityList projects={projects} editable />
      </MemoryRouter>,
    );
    const handle = screen.getByRole('button', { name: /Verplaats “Project b”/ });
    fireEvent.keyDown(handle, { key: ' ' });
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('button', { name: /Verplaats “Project b”/ }), { key: ' ' });
    });
    expect(screen.getByRole('alert').textContent).toMatch(/geen toestemming/);
    expect(titles()).toEqual(['Project a', 'Project b', 'Project c']);
  });

  it('offers no handles to a reader', () => {
    render(
      <MemoryRouter>
        <PriorityList projects={projects} editable={false} />
      </MemoryRouter>,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(titles()).toHaveLength(3);
  });
});
