// Budget, pledged coverage and the gap per year as grouped bars (loaded on demand). The same
// figures are in the table next to it, for screen readers and for print.
import { useMemo } from 'react';
import { t } from '../../i18n';
import type { CoverageYear } from './model';
import { euro, euroShort } from './money';
import { INK, useChart } from './useChart';

export default function CoverageChart({ years }: { years: CoverageYear[] }) {
  const option = useMemo(
    () => ({
      color: ['#1f3a68', '#0b6b2b', '#a4121a'],
      tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => euro(Number(v)) },
      legend: { bottom: 0, textStyle: { color: INK } },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category' as const, data: years.map((y) => String(y.jaar)), axisLabel: { color: INK } },
      yAxis: { type: 'value' as const, axisLabel: { color: INK, formatter: (v: number) => euroShort(v) } },
      series: [
        { name: t('budget.coverage.budget'), type: 'bar' as const, data: years.map((y) => y.begroot) },
        { name: t('budget.coverage.pledged'), type: 'bar' as const, data: years.map((y) => y.toegezegd) },
        { name: t('budget.coverage.gap'), type: 'bar' as const, data: years.map((y) => y.tekort) },
      ],
    }),
    [years],
  );
  const el = useChart(option);
  return <div ref={el} className="jt-chart" role="img" aria-label={t('budget.coverage.chartLabel')} data-testid="dekking-grafiek" />;
}
