import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import MunicipalityMap from './MunicipalityMap';
import { MAP_COLOURS, NO_DATA_COLOUR } from './lib';

describe('the map of Twente', () => {
  it('colours each municipality by its class, grey without a value, with a legend and the credit', () => {
    const rows = [
      { code: 'GM0153', naam: 'Enschede', waarde: 30 },
      { code: 'GM0141', naam: 'Almelo', waarde: 10 },
      { code: 'GM0164', naam: 'Hengelo', waarde: 20 },
    ];
    render(<MunicipalityMap rows={rows} eenheid="percentage" label="Kaart" />);
    const svg = screen.getByRole('img', { name: 'Kaart' });
    const shape = (code: string) => svg.querySelector(`path[data-code="${code}"]`)!;
    expect(svg.querySelectorAll('path')).toHaveLength(14);
    expect(shape('GM0141').getAttribute('fill')).toBe(MAP_COLOURS[0]);
    expect(shape('GM0164').getAttribute('fill')).toBe(MAP_COLOURS[2]);
    expect(shape('GM0153').getAttribute('fill')).toBe(MAP_COLOURS[4]);
    expect(shape('GM0173').getAttribute('fill')).toBe(NO_DATA_COLOUR);
    expect(shape('GM0153').textContent).toBe('Enschede: 30%');
    const legend = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(legend).toEqual(['10% tot 14%', '14% tot 18%', '18% tot 22%', '22% tot 26%', '26% tot en met 30%', 'Geen gegevens']);
    expect(screen.getByText(/Gemeentegrenzen: CBS Gebiedsindelingen 2024 \(CBS \/ PDOK\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('href')).toContain('creativecommons.org/licenses/by/4.0');
  });
});
