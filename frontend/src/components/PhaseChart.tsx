// Stacked bars: projects per phase for each action line (Apache ECharts, only the parts used,
// loaded on demand). The same numbers are in the cards above, as text, for screen readers.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Overzicht } from '../api/types';
import { t, tk } from '../i18n';
import { PHASES } from '../lib/phases';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLORS = ['#c6dbef', '#6baed6', '#2171b5', '#08519c', '#08306b'];

export default function PhaseChart({ lines }: { lines: Overzicht['actielijnen'] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      color: COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, textStyle: { color: '#1b1b1b' } },
      grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1b1b1b' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: lines.map((l) => `${l.nummer}. ${l.titel}`),
        axisLabel: { color: '#1b1b1b', width: 160, overflow: 'truncate' },
      },
      series: PHASES.map((p) => ({
        name: tk('phase', p),
        type: 'bar',
        stack: 'fase',
        data: lines.map((l) => l.perFase?.[p] ?? 0),
      })),
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [lines]);
  return <div ref={el} className="jt-chart" role="img" aria-label={t('dashboard.chartTitle')} />;
}
