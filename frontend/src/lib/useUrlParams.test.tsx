import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link, MemoryRouter, useLocation } from 'react-router';
import { applyChanges, useUrlParams } from './useUrlParams';

const KINDS = ['a', 'b', 'c'];

// A filter like the network page's: checkboxes for kinds, stored as ?soort=a,b in the address.
function Kinds() {
  const [params, update] = useUrlParams();
  const location = useLocation();
  const on = new Set((params.get('soort') ?? KINDS.join(',')).split(',').filter(Boolean));
  const toggle = (k: string, checked: boolean) => update({ soort: KINDS.filter((x) => (x === k ? checked : on.has(x))).join(',') || null });
  return (
    <>
      {KINDS.map((k) => (
        <label key={k}>
          <input type="checkbox" checked={on.has(k)} onChange={(e) => toggle(k, e.target.checked)} />
          {k}
        </label>
      ))}
      <button type="button" onClick={() => (update({ x: '1' }), update({ y: '2' }))}>
        twee
      </button>
      <Link to="/?soort=c">alleen c</Link>
      <output data-testid="search">{location.search}</output>
    </>
  );
}

function setup(initial = '/') {
  render(
    <MemoryRouter initialEntries={[initial]}>
      <Kinds />
    </MemoryRouter>,
  );
  const box = (k: string) => screen.getByRole('checkbox', { name: k }) as HTMLInputElement;
  return { box, search: () => screen.getByTestId('search').textContent };
}

describe('useUrlParams', () => {
  it('starts from the address', () => {
    const { box } = setup('/?soort=b');
    expect([box('a').checked, box('b').checked, box('c').checked]).toEqual([false, true, false]);
  });

  it('keeps every change of quick successive clicks and writes them to the address', async () => {
    const { box, search } = setup();
    // Both clicks before React Router commits the first URL change.
    act(() => {
      fireEvent.click(box('a'));
      fireEvent.click(box('b'));
    });
    expect([box('a').checked, box('b').checked, box('c').checked]).toEqual([false, false, true]);
    await act(async () => {});
    expect(decodeURIComponent(search() ?? '')).toBe('?soort=c');
  });

  it('applies two changes made in one handler', async () => {
    const { search } = setup('/?z=0');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'twee' })));
    expect(search()).toBe('?z=0&x=1&y=2');
  });

  it('follows a change of the address it did not make', async () => {
    const { box } = setup();
    await act(async () => fireEvent.click(box('a')));
    expect(box('a').checked).toBe(false);
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'alleen c' })));
    expect([box('a').checked, box('b').checked, box('c').checked]).toEqual([false, false, true]);
  });
});

describe('applyChanges', () => {
  it('sets values and removes empty ones', () => {
    expect(applyChanges(new URLSearchParams('a=1&b=2'), { a: '3', b: '', c: 'x', d: null }).toString()).toBe('a=3&c=x');
  });
});
