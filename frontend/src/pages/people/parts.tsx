// Pieces shared by the organisation and person pages: their seats in bodies, their involvements
// in action lines, projects and programmes (with titles from the portfolio), the rounds.
import { Link } from 'react-router';
import { get, PORTFOLIO } from '../../api/client';
import type { Actielijnen, Betrokkenheid, Project, Zetel } from '../../api/types';
import type { Programma } from '../../api/types/people';
import { StatusBadge } from '../../components/Badges';
import { Empty } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate } from '../../lib/format';

export interface Target {
  label: string;
  link: string | null;
}

/** The titles of what the involvements point at: action lines, projects (one request each, only
 * those named) and programmes. A target the portfolio does not know keeps its id. */
export async function loadTargets(list: Betrokkenheid[], signal: AbortSignal): Promise<Map<string, Target>> {
  const out = new Map<string, Target>();
  const kinds = new Set(list.map((b) => b.doelType));
  const projectIds = [...new Set(list.filter((b) => b.doelType === 'project').map((b) => b.doelId))];
  const [lines, programmes, projects] = await Promise.all([
    kinds.has('actielijn') ? get<Actielijnen>(`${PORTFOLIO}/actielijnen`, signal).catch(() => null) : null,
    kinds.has('programma') ? get<{ programmas: Programma[] }>(`${PORTFOLIO}/programmas`, signal).catch(() => null) : null,
    Promise.all(projectIds.map((id) => get<Project>(`${PORTFOLIO}/projecten/${encodeURIComponent(id)}`, signal).catch(() => null))),
  ]);
  for (const b of list) {
    const key = `${b.doelType}:${b.doelId}`;
    if (out.has(key)) continue;
    if (b.doelType === 'actielijn') {
      const l = lines?.actielijnen.find((x) => String(x.nummer) === b.doelId);
      out.set(key, { label: l ? t('line.title', { nummer: l.nummer, titel: l.titel }) : t('dashboard.actionLine', { nummer: b.doelId }), link: `/actielijnen/${b.doelId}` });
    } else if (b.doelType === 'project') {
      const p = projects.find((x) => x?.id === b.doelId);
      out.set(key, { label: p ? p.titel : t('people.involvement.unknownProject', { id: b.doelId }), link: `/projecten/${b.doelId}` });
    } else {
      const g = programmes?.programmas.find((x) => x.id === b.doelId || x.code === b.doelId);
      out.set(key, { label: g ? g.naam : t('people.involvement.unknownProgramme', { id: b.doelId }), link: null });
    }
  }
  return out;
}

export function InvolvementTable({ list, targets, caption, showWho }: { list: Betrokkenheid[]; targets: Map<string, Target>; caption: string; showWho?: boolean }) {
  if (list.length === 0) return <Empty>{t('people.involvement.none')}</Empty>;
  const sorted = [...list].sort((a, b) => a.doelType.localeCompare(b.doelType) || a.doelId.localeCompare(b.doelId, 'nl', { numeric: true }));
  return (
    <div className="utrecht-table-container jt-table-scroll">
      <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="betrokkenheden">
        <caption className="jt-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('people.involvement.target')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('people.involvement.kind')}
            </th>
            {showWho && (
              <th scope="col" className="utrecht-table__header-cell">
                {t('involvement.who')}
              </th>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              {t('involvement.role')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('involvement.note')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((b) => {
            const target = targets.get(`${b.doelType}:${b.doelId}`);
            return (
              <tr key={b.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  {target?.link ? (
                    <Link className="utrecht-link" to={target.link}>
                      {target.label}
                    </Link>
                  ) : (
                    (target?.label ?? b.doelId)
                  )}
                </td>
                <td className="utrecht-table__cell">{tk('people.target', b.doelType)}</td>
                {showWho && (
                  <td className="utrecht-table__cell">
                    {b.persoonId ? (
                      <Link className="utrecht-link" to={`/personen/${b.persoonId}`}>
                        {b.persoonNaam}
                      </Link>
                    ) : (
                      (b.organisatieNaam ?? '')
                    )}
                  </td>
                )}
                <td className="utrecht-table__cell">{tk('involvement', b.rol)}</td>
                <td className="utrecht-table__cell">{b.toelichting ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A seat's period: "sinds 1 jan 2025", "tot 31 dec 2025", "1 jan 2025 – 31 dec 2025" or "". */
export function period(z: Pick<Zetel, 'startdatum' | 'einddatum'>): string {
  if (z.startdatum && z.einddatum) return `${formatDate(z.startdatum)} – ${formatDate(z.einddatum)}`;
  if (z.startdatum) return t('people.seat.since', { datum: formatDate(z.startdatum) });
  if (z.einddatum) return t('people.seat.until', { datum: formatDate(z.einddatum) });
  return '';
}

/** Seats in bodies: the body, role, who holds it (for an organisation), constituency, period. */
export function SeatTable({ seats, caption, showHolders }: { seats: Zetel[]; caption: string; showHolders?: boolean }) {
  if (seats.length === 0) return <Empty>{t('people.seat.none')}</Empty>;
  const sorted = [...seats].sort((a, b) => a.gremiumNaam.localeCompare(b.gremiumNaam, 'nl') || a.volgorde - b.volgorde);
  return (
    <div className="utrecht-table-container jt-table-scroll">
      <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="zetels">
        <caption className="jt-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t('people.seat.body')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('bodies.role')}
            </th>
            {showHolders && (
              <th scope="col" className="utrecht-table__header-cell">
                {t('bodies.person')}
              </th>
            )}
            <th scope="col" className="utrecht-table__header-cell">
              {t('bodies.constituency')}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t('people.seat.period')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((z) => (
            <tr key={z.id} className={`utrecht-table__row${z.vacature ? ' jt-row--vacancy' : ''}`}>
              <td className="utrecht-table__cell">
                <Link className="utrecht-link" to="/gremia">
                  {z.gremiumNaam}
                </Link>
              </td>
              <td className="utrecht-table__cell">{tk('seatRole', z.rol)}</td>
              {showHolders && (
                <td className="utrecht-table__cell">
                  {z.vacature && z.personen.length === 0 ? (
                    <StatusBadge tone="danger">{t('bodies.vacant')}</StatusBadge>
                  ) : (
                    z.personen.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 && ' / '}
                        <Link className="utrecht-link" to={`/personen/${p.id}`}>
                          {p.naam}
                        </Link>
                      </span>
                    ))
                  )}
                  {z.vacature && z.personen.length > 0 && (
                    <>
                      {' '}
                      <StatusBadge tone="danger">{t('people.seat.ended')}</StatusBadge>
                    </>
                  )}
                </td>
              )}
              <td className="utrecht-table__cell">{z.achterban ?? ''}</td>
              <td className="utrecht-table__cell">
                {period(z)}
                {!showHolders && z.vacature && (
                  <>
                    {' '}
                    <StatusBadge tone="danger">{t('people.seat.ended')}</StatusBadge>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
