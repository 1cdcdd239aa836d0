// The network as a force-directed graph (Apache ECharts `graph`, only the parts used, SVG
// renderer), loaded on demand. Each kind of node has its own colour and symbol (so the kinds do
// not depend on colour alone); clicking a node opens its page. The same content is in the table
// next to it, for keyboard and screen-reader users.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { t, tk } from '../../i18n';
import { NODE_KINDS, degrees, roleLabel, type Graph } from './network';

echarts.use([GraphChart, LegendComponent, TooltipComponent, SVGRenderer]);

export const KIND_STYLE: Record<string, { color: string; symbol: string }> = {
  actielijn: { color: '#1f3a68', symbol: 'diamond' },
  gremium: { color: '#2171b5', symbol: 'roundRect' },
  persoon: { color: '#b35806', symbol: 'circle' },
  organisatie: { color: '#1b7837', symbol: 'rect' },
  project: { color: '#762a83', symbol: 'triangle' },
  programma: { color: '#8c510a', symbol: 'pin' },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default function NetworkGraph({ graph, onOpen }: { graph: Graph; onOpen: (link: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const open = useRef(onOpen);
  open.current = onOpen;
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const deg = degrees(graph);
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const kinds = NODE_KINDS.filter((k) => graph.nodes.some((n) => n.soort === k));
    const index = new Map<string, number>(kinds.map((k, i) => [k, i]));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    chart.setOption({
      tooltip: {
        formatter: (p: { dataType?: string; data: { id?: string; source?: string; target?: string; rol?: string | null; soort?: string } }) => {
          if (p.dataType === 'edge') {
            const a = byId.get(p.data.source ?? '');
            const b = byId.get(p.data.target ?? '');
            const rel = tk('people.rel', `${p.data.soort}.uit`);
            return `${escapeHtml(a?.label ?? '')} — ${escapeHtml(rel)}${p.data.rol ? ` (${escapeHtml(roleLabel(p.data.soort ?? '', p.data.rol))})` : ''} — ${escapeHtml(b?.label ?? '')}`;
          }
          const n = byId.get(p.data.id ?? '');
          return n ? `<strong>${escapeHtml(n.label)}</strong><br/>${escapeHtml(tk('people.kind', n.soort))}` : '';
        },
      },
      legend: { bottom: 0, data: kinds.map((k) => tk('people.kind', k)), textStyle: { color: '#1b1b1b' } },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          categories: kinds.map((k) => ({ name: tk('people.kind', k), symbol: KIND_STYLE[k].symbol, itemStyle: { color: KIND_STYLE[k].color } })),
          data: graph.nodes.map((n) => {
            const d = deg.get(n.id) ?? 0;
            return {
              id: n.id,
              name: n.label,
              category: index.get(n.soort) ?? 0,
              symbolSize: Math.round(10 + Math.min(22, Math.sqrt(d) * 4)),
              label: { show: n.soort === 'actielijn' || n.soort === 'gremium' || d >= 5 },
              cursor: n.link ? 'pointer' : 'default',
            };
          }),
          links: graph.edges.map((e) => ({ source: e.bron, target: e.doel, rol: e.rol, soort: e.soort })),
          force: { repulsion: 140, edgeLength: [40, 110], gravity: 0.1, layoutAnimation: !still },
          label: { position: 'right', color: '#1b1b1b', fontSize: 11, width: 140, overflow: 'truncate' },
          labelLayout: { hideOverlap: true },
          emphasis: { focus: 'adjacency', lineStyle: { width: 2 } },
          lineStyle: { color: '#8a94a1', opacity: 0.6, curveness: 0.05 },
        },
      ],
    });
    chart.on('click', (p) => {
      const params = p as unknown as { dataType?: string; dataIndex: number };
      if (params.dataType !== 'node') return;
      const link = graph.nodes[params.dataIndex]?.link;
      if (link) open.current(link);
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [graph]);
  return <div ref={el} className="jt-network__chart" role="img" aria-label={t('people.network.graphLabel', { knopen: graph.nodes.length, verbindingen: graph.edges.length })} data-testid="netwerkgrafiek" />;
}
