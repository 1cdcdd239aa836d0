// The 14 municipalities of Twente as an SVG map, coloured by value (equal-interval classes of a
// blue scale) with a legend and the CBS credit. Loaded on demand together with the boundaries
// (GeoJSON, 28 KB). The map is one image for screen readers; the ranking table next to it holds
// the same values and is the keyboard and screen-reader alternative.
import { useMemo } from 'react';
import { t } from '../../i18n';
import type { MomentGemeente } from '../../api/types/monitoring';
import { classBreaks, classColour, classOf, formatCell, formatValue, withUnit } from './lib';
import { projectFeatures, type FeatureCollection } from './geo';
import boundaries from './twente-municipalities.geojson?raw';

const MAP = projectFeatures(JSON.parse(boundaries) as FeatureCollection, 400);
const LICENCE = 'https://creativecommons.org/licenses/by/4.0/deed.nl';

export default function MunicipalityMap({ rows, eenheid, label }: { rows: MomentGemeente[]; eenheid: string; label: string }) {
  const byCode = useMemo(() => new Map(rows.map((r) => [r.code ?? '', r])), [rows]);
  const breaks = useMemo(() => classBreaks(rows.map((r) => r.waarde)), [rows]);
  const classes = Math.max(breaks.length - 1, 0);
  const hasMissing = MAP.shapes.some((s) => typeof byCode.get(s.code)?.waarde !== 'number');

  return (
    <figure className="mon-map">
      <svg viewBox={`0 0 ${MAP.width} ${MAP.height}`} className="mon-map__svg" role="img" aria-label={label} data-testid="kaart">
        {MAP.shapes.map((s) => {
          const v = byCode.get(s.code)?.waarde;
          const cls = classOf(v, breaks);
          return (
            <path key={s.code} d={s.d} fill={classColour(cls, classes)} className="mon-map__shape" data-code={s.code} data-class={cls}>
              <title>{typeof v === 'number' ? t('monitoring.mapShape', { gemeente: s.name, waarde: formatValue(v, eenheid) }) : t('monitoring.mapNoValue', { gemeente: s.name })}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <p className="mon-map__legend-title">{withUnit(t('monitoring.legend'), eenheid)}</p>
        <ul className="mon-legend">
          {Array.from({ length: classes }, (_, i) => (
            <li key={i}>
              <span className="mon-legend__swatch" style={{ background: classColour(i, classes) }} aria-hidden="true" />
              {classes === 1
                ? formatCell(breaks[0], eenheid)
                : t(i === classes - 1 ? 'monitoring.legendLast' : 'monitoring.legendRange', { van: formatCell(breaks[i], eenheid), tot: formatCell(breaks[i + 1], eenheid) })}
            </li>
          ))}
          {(hasMissing || classes === 0) && (
            <li>
              <span className="mon-legend__swatch" style={{ background: classColour(-1, classes) }} aria-hidden="true" />
              {t('monitoring.legendNoData')}
            </li>
          )}
        </ul>
        <p className="mon-map__credit">
          {t('monitoring.mapCredit')}{' '}
          <a className="utrecht-link" href={LICENCE} rel="license">
            {t('monitoring.mapLicence')}
          </a>
        </p>
      </figcaption>
    </figure>
  );
}
