// ECharts for the budget charts: only the parts used, the SVG renderer; imported only by the
// lazily loaded chart components, so ECharts stays out of the screens' own chunks.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

/** A chart in the returned element's place, redrawn when `option` changes and resized with it. */
export function useChart(option: ChartOption) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option]);
  return el;
}

export const INK = '#1b1b1b';
