// /netwerk: who is involved where. People, organisations, bodies, action lines, projects and
// programmes as a graph (loaded on demand), filtered by action line, kind and name (kept in the
// URL); the same nodes and connections as a table for keyboard and screen-reader users.
import { lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { get, getAll, PORTFOLIO, STAKEHOLDERS } from '../../api/client';
import type { Project } from '../../api/types';
import type { Netwerk, Programma } from '../../api/types/people';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import '../../styles/people.css';
import { NODE_KINDS, connectionsOf, enrich, filterGraph, roleLabel, sortNodes, type Graph, type GraphNode } from './network';
import { PeopleTabs } from './PeopleTabs';

const NetworkGraph = lazy(() => import('./NetworkGraph'));

export default function NetworkPage() {
  useTitle(t('people.network.title'));
  const res = useResource<Graph>(async (signal) => {
    const [net, projects, programmes] = await Promise.all([
      get<Netwerk>(`${STAKEHOLDERS}/netwerk`, signal),
      // Titles only: without them the graph still works, with ids.
      getAll<Project>(`${PORTFOLIO}/projecten`, 'projecten', signal).catch(() => []),
      get<{ programmas: Programma[] }>(`${PORTFOLIO}/programmas`, signal).catch(() => ({ programmas: [] })),
    ]);
    return enrich(net, projects, programmes.programmas);
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('people.network.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('people.network.intro')}</p>
      <PeopleTabs current="/netwerk" />
      <Loaded resource={res}>{(g) => <NetworkView graph={g} />}</Loaded>
    </>
  );
}

function NetworkView({ graph }: { graph: Graph }) {
  const [params, update] = useUrlParams();
  const navigate = useNavigate();
  const line = params.get('actielijn');
  const zoek = params.get('zoek') ?? '';
  const soortParam = params.get('soort');
  const soorten = useMemo(() => new Set(soortParam === null ? NODE_KINDS : soortParam.split(',').filter(Boolean)), [soortParam]);
  const shown = useMemo(() => filterGraph(graph, { actielijn: line ? Number(line) : null, soorten, zoek }), [graph, line, soorten, zoek]);

  const setParam = (k: string, v: string) => update({ [k]: v });
  function toggle(kind: string, on: boolean) {
    const next = NODE_KINDS.filter((k) => (k === kind ? on : soorten.has(k)));
    // No parameter means every kind; 'geen' (no kind at all) keeps an empty choice in the address.
    update({ soort: next.length === NODE_KINDS.length ? null : next.join(',') || 'geen' });
  }

  return (
    <>
      <div className="jt-filters jt-network__filters jt-no-print" role="search" aria-label={t('people.network.filters')}>
        <Field id="netwerk-actielijn" label={t('people.network.actionLine')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={line ?? ''} onChange={(e) => setParam('actielijn', e.target.value)}>
              <option value="">{t('people.network.allLines')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {t('dashboard.actionLine', { nummer: n })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="netwerk-zoek" label={t('people.network.search')} hint={t('people.network.searchHint')}>
          {(a) => <input {...a} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={zoek} onChange={(e) => setParam('zoek', e.target.value)} />}
        </Field>
        <fieldset className="utrecht-form-fieldset jt-fieldset jt-checks">
          <legend className="utrecht-form-fieldset__legend">{t('people.network.kinds')}</legend>
          <div className="jt-checks__options">
            {NODE_KINDS.map((k) => (
              <label key={k} className="jt-checks__option">
                <input type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={soorten.has(k)} onChange={(e) => toggle(k, e.target.checked)} /> <span className={`jt-kind jt-kind--${k}`} aria-hidden="true" />
                {tk('people.kind', k)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="jt-muted" role="status">
        {t('people.network.count', { knopen: shown.nodes.length, verbindingen: shown.edges.length })}
      </p>
      {shown.nodes.length === 0 ? (
        <Empty>{t('people.network.empty')}</Empty>
      ) : (
        <>
          <p className="jt-help jt-no-print">
            {t('people.network.graphHelp')}{' '}
            <a className="utrecht-link" href="#netwerk-lijst">
              {t('people.network.toList')}
            </a>
          </p>
          <Suspense fallback={<div className="jt-network__chart" />}>
            <NetworkGraph graph={shown} onOpen={(link) => navigate(link)} />
          </Suspense>
          <NetworkTable graph={shown} />
        </>
      )}
    </>
  );
}

/** The text alternative: every node with its connections, each a link where there is a page. */
function NetworkTable({ graph }: { graph: Graph }) {
  const connections = useMemo(() => connectionsOf(graph), [graph]);
  const nodes = useMemo(() => sortNodes(graph.nodes), [graph]);
  return (
    <section className="jt-section" aria-labelledby="netwerk-lijst">
      <h2 id="netwerk-lijst" className="utrecht-heading-2" tabIndex={-1}>
        {t('people.network.list')}
      </h2>
      <div className="utrecht-table-container jt-table-scroll">
        <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="netwerk-tabel">
          <caption className="jt-visually-hidden">{t('people.network.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('people.network.name')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('people.network.kind')}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t('people.network.connections')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {nodes.map((n) => {
              const list = connections.get(n.id) ?? [];
              return (
                <tr key={n.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell jt-rowhead">
                    <NodeName node={n} />
                  </th>
                  <td className="utrecht-table__cell">
                    <span className={`jt-kind jt-kind--${n.soort}`} aria-hidden="true" /> {tk('people.kind', n.soort)}
                  </td>
                  <td className="utrecht-table__cell">
                    {list.length === 0 ? (
                      <span className="jt-muted">{t('people.network.noConnections')}</span>
                    ) : (
                      <ul className="jt-plainlist jt-connections">
                        {list.map((c, i) => (
                          <li key={`${c.other.id}-${c.relation}-${i}`}>
                            {tk('people.rel', c.relation)}
                            {c.rol ? ` (${roleLabel(c.relation.split('.')[0], c.rol)})` : ''}: <NodeName node={c.other} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NodeName({ node }: { node: GraphNode }) {
  if (!node.link) return <>{node.label}</>;
  return (
    <Link className="utrecht-link" to={node.link}>
      {node.label}
    </Link>
  );
}
