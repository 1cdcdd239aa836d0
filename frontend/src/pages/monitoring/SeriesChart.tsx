// A time series as lines: the region, chosen municipalities and the norm (Apache ECharts, only
// the parts used, SVG renderer, loaded on demand). The same numbers are in a table next to it
// for screen readers and keyboard users; this element is an image with a short description.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../../lib/format';
import { formatPeriod, formatValue, lineColour } from './lib';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartLine {
  name: string;
  kind: 'region' | 'municipality' | 'norm';
  values: (number | null)[];
  /** A municipality's place in the full list, so its colour stays the same whatever is chosen. */
  colour?: number;
}

const REGION = '#1b1b1b';
const NORM = '#b3131a';

export default function SeriesChart(props: { periods: string[]; lines: ChartLine[]; eenheid: string; label: string; compact?: boolean }) {
  const { periods, lines, eenheid, label, compact } = props;
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, eenheid) : '–'),
      },
      legend: compact ? { show: false } : { bottom: 0, type: 'scroll', textStyle: { color: '#1b1b1b' } },
      grid: compact ? { left: 4, right: 8, top: 8, bottom: 4, containLabel: true } : { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: periods.map((p) => formatPeriod(p, 'short')),
        axisLabel: { color: '#1b1b1b', hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        scale: true,
        splitNumber: compact ? 2 : 5,
        axisLabel: { color: '#1b1b1b', formatter: (v: number) => formatNumber(v) },
      },
      series: lines.map((l) => {
        const color = l.kind === 'region' ? REGION : l.kind === 'norm' ? NORM : lineColour(l.colour ?? 0);
        return {
          name: l.name,
          type: 'line',
          data: l.values,
          color,
          connectNulls: l.kind === 'norm',
          step: l.kind === 'norm' ? 'middle' : undefined,
          showSymbol: l.kind !== 'norm' && periods.length <= 16,
          symbolSize: 5,
          lineStyle: { width: l.kind === 'region' ? 3 : l.kind === 'norm' ? 2 : 1.5, type: l.kind === 'norm' ? 'dashed' : 'solid' },
          z: l.kind === 'region' ? 3 : 2,
        };
      }),
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [periods, lines, eenheid, compact]);
  return <div ref={el} className={`jt-chart mon-chart${compact ? ' mon-chart--compact' : ''}`} role="img" aria-label={label} data-testid="reeks-grafiek" />;
}
