// Small pieces shared by the budget screens: a CSV download button, a year picker and who may
// edit.
import { useState, type ReactNode } from 'react';
import { download } from '../../api/client';
import type { MijGebruiker } from '../../api/types';
import { Alert } from '../../components/States';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { explain } from '../../lib/problems';

/** Budget lines and contributions may be changed by staff with the write scope (a lezer never). */
export function canEditBudget(user: MijGebruiker | null): boolean {
  return !!user && user.rol !== 'lezer' && !!user.scopes?.includes('contributions:write');
}

export function canReadBudget(user: MijGebruiker | null): boolean {
  return !!user && !!user.scopes?.includes('contributions:read');
}

/** Fetches a CSV export with the token and hands it to the browser; a failure is said in Dutch. */
export function DownloadButton({ path, fileName, label }: { path: string; fileName: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="jt-budget-download">
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={busy}
        aria-disabled={busy || undefined}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await download(path, fileName);
          } catch (e) {
            setError(explain(e).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('budget.csv.busy') : label}
      </button>
      {error && <Alert type="error">{error}</Alert>}
    </div>
  );
}

/** The years offered in pickers: ten back and ten ahead of this year, and `keep` if outside. */
export function yearOptions(thisYear: number, keep: number[] = []): number[] {
  const set = new Set<number>(keep.filter((y) => y >= 2000 && y <= 2100));
  for (let y = thisYear - 10; y <= thisYear + 10; y++) set.add(y);
  return [...set].sort((a, b) => a - b);
}

/** This year in Amsterdam. */
export function thisYear(): number {
  return Number(todayIso().slice(0, 4));
}

/** A whole number from a search parameter within [min, max], else `fallback`. */
export function intParam(value: string | null, fallback: number, min = 2000, max = 2100): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

/** A label and its value in a list of facts (`jt-dl--rows`). */
export function FactRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="jt-dl__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
