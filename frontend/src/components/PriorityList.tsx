// The ranked priorities of an action line, reorderable by drag and drop and by keyboard
// (handle: Space/Enter picks up and puts down, arrows move, Escape cancels). A move is saved
// with POST /projecten/{id}/rang; the server moves the others along.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { request, PORTFOLIO } from '../api/client';
import type { Project, RangWijziging } from '../api/types';
import { t, tk } from '../i18n';
import { explain } from '../lib/problems';
import { RagBadge, StatusBadge } from './Badges';
import { Alert } from './States';

function move<T>(list: T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export function PriorityList({ projects, editable, onSaved }: { projects: Project[]; editable: boolean; onSaved?: () => void }) {
  const [order, setOrder] = useState(projects);
  const [grabbed, setGrabbed] = useState<{ id: string; from: number } | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const focusId = useRef<string | null>(null);

  useEffect(() => setOrder(projects), [projects]);
  // Moving an element in the DOM may take the focus away from it: put it back.
  useEffect(() => {
    if (focusId.current) handles.current.get(focusId.current)?.focus();
  }, [order]);

  const n = order.length;

  async function save(id: string, from: number, to: number, next: Project[]) {
    if (from === to) return;
    const item = next[to];
    // The rank the item takes is the rank of the one that stood at that place before.
    const rang = projects.map((p) => p.rang).sort((a, b) => a - b)[to];
    setSaving(true);
    setError(null);
    setAnnouncement(t('line.dropped', { titel: item.titel, plaats: to + 1 }));
    try {
      const body: RangWijziging = { rang };
      await request<Project>(`${PORTFOLIO}/projecten/${id}/rang`, { method: 'POST', body });
      setAnnouncement(t('line.saved', { titel: item.titel, plaats: to + 1 }));
      onSaved?.();
    } catch (e) {
      setOrder(projects);
      setError(`${t('line.saveFailed')} ${explain(e, true).message}`);
      setAnnouncement(t('line.saveFailed'));
    } finally {
      setSaving(false);
    }
  }

  function onKey(e: KeyboardEvent<HTMLButtonElement>, p: Project, index: number) {
    if (!editable || saving) return;
    focusId.current = p.id;
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (!grabbed) {
        setGrabbed({ id: p.id, from: index });
        setAnnouncement(t('line.pickedUp', { titel: p.titel, plaats: index + 1, aantal: n }));
      } else {
        const from = grabbed.from;
        setGrabbed(null);
        if (from === index) setAnnouncement(t('line.cancelled', { titel: p.titel, plaats: index + 1 }));
        else void save(p.id, from, index, order);
      }
    } else if (grabbed && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
      if (to < 0 || to >= n) return;
      setOrder(move(order, index, to));
      setAnnouncement(t('line.moved', { titel: p.titel, plaats: to + 1, aantal: n }));
    } else if (grabbed && (e.key === 'Escape' || e.key === 'Tab')) {
      if (e.key === 'Escape') e.preventDefault();
      setOrder(projects);
      setGrabbed(null);
      setAnnouncement(t('line.cancelled', { titel: p.titel, plaats: grabbed.from + 1 }));
    }
  }

  function onDragStart(e: DragEvent, p: Project) {
    setDragId(p.id);
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', p.id);
  }
  function onDragOver(e: DragEvent, index: number) {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOverIndex(index);
  }
  function onDrop(e: DragEvent, index: number) {
    e.preventDefault();
    const from = order.findIndex((p) => p.id === dragId);
    setDragId(null);
    setOverIndex(null);
    if (from < 0 || from === index) return;
    const next = move(order, from, index);
    setOrder(next);
    focusId.current = null;
    void save(next[index].id, from, index, next);
  }

  return (
    <>
      {editable && <p className="utrecht-form-field-description jt-help" id="reorder-help">{t('line.prioritiesHelp')}</p>}
      {error && <Alert type="error">{error}</Alert>}
      <div className="jt-visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      <ol className={`jt-ranklist${saving ? ' jt-ranklist--busy' : ''}`} aria-busy={saving || undefined} data-testid="prioriteiten">
        {order.map((p, index) => (
          <li
            key={p.id}
            className={`jt-rank${grabbed?.id === p.id ? ' jt-rank--grabbed' : ''}${dragId === p.id ? ' jt-rank--dragging' : ''}${overIndex === index && dragId && dragId !== p.id ? ' jt-rank--over' : ''}`}
            data-project-id={p.id}
            draggable={editable && !saving ? true : undefined}
            onDragStart={editable ? (e) => onDragStart(e, p) : undefined}
            onDragOver={editable ? (e) => onDragOver(e, index) : undefined}
            onDrop={editable ? (e) => onDrop(e, index) : undefined}
            onDragEnd={() => {
              setDragId(null);
              setOverIndex(null);
            }}
          >
            {editable && (
              <button
                type="button"
                className="jt-handle"
                ref={(el) => {
                  if (el) handles.current.set(p.id, el);
                  else handles.current.delete(p.id);
                }}
                aria-label={t('line.handle', { titel: p.titel, plaats: index + 1, aantal: n })}
                aria-describedby="reorder-help"
                aria-pressed={grabbed?.id === p.id}
                onKeyDown={(e) => onKey(e, p, index)}
                onBlur={() => {
                  if (grabbed?.id === p.id && focusId.current !== p.id) setGrabbed(null);
                }}
              >
                <span aria-hidden="true">⠿</span>
              </button>
            )}
            <span className="jt-rank__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="jt-rank__body">
              <Link className="utrecht-link jt-rank__title" to={`/projecten/${p.id}`} draggable={false}>
                {p.titel}
              </Link>
              <span className="jt-rank__meta">
                <StatusBadge>{tk('kind', p.soort)}</StatusBadge>
                <StatusBadge tone="active">{tk('phase', p.fase)}</StatusBadge>
                <RagBadge rag={p.laatsteRag} />
              </span>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
