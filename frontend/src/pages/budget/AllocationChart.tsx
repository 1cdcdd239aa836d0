// The shares of the 14 municipalities as horizontal bars (loaded on demand); the table above
// holds the same figures.
import { useMemo } from 'react';
import type { Aandeel } from '../../api/types/budget';
import { t } from '../../i18n';
import { euro, euroShort } from './money';
import { INK, useChart } from './useChart';

export default function AllocationChart({ shares }: { shares: Aandeel[] }) {
  const option = useMemo(
    () => ({
      color: ['#1f3a68'],
      tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => euro(Number(v)) },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' as const, axisLabel: { color: INK, formatter: (v: number) => euroShort(v) } },
      yAxis: { type: 'category' as const, inverse: true, data: shares.map((s) => s.naam), axisLabel: { color: INK } },
      series: [{ name: t('budget.allocation.share'), type: 'bar' as const, data: shares.map((s) => s.aandeel) }],
    }),
    [shares],
  );
  const el = useChart(option);
  return <div ref={el} className="jt-chart jt-budget-chart--tall" role="img" aria-label={t('budget.allocation.chartLabel')} data-testid="verdeling-grafiek" />;
}
