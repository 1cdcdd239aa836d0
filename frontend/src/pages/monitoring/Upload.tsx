// A CSV upload of observations in two steps: a dry run (`dryRun=true`: the service checks and
// counts, writes nothing) whose summary and rejected rows are shown, then the real import with an
// Idempotency-Key, so a double click or a retry after a lost answer imports once. The separator
// is recognised (by the service; the header is checked here first to catch a wrong file early).
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, MONITORING, request } from '../../api/client';
import type { ImportAfgewezen, Importsamenvatting } from '../../api/types/monitoring';
import { Field } from '../../components/Field';
import { Alert } from '../../components/States';
import { t } from '../../i18n';
import { explain } from '../../lib/problems';
import { Counts, RejectionTable } from './ImportSummary';
import { inspectCsv, newIdempotencyKey, type CsvInspection } from './lib';

type Modus = 'atomisch' | 'gedeeltelijk';
const MODES: Modus[] = ['atomisch', 'gedeeltelijk'];

/** What is wrong with the chosen file before anything is sent, if anything. */
export function fileProblem(csv: CsvInspection | null): string | undefined {
  if (!csv) return t('monitoring.chooseFile');
  if (csv.missing.length) return t('monitoring.missingColumns', { kolommen: csv.missing.join(', ') });
  if (csv.unknown.length) return t('monitoring.unknownColumns', { kolommen: csv.unknown.join(', ') });
  if (csv.rows === 0) return t('monitoring.emptyFile');
  return undefined;
}

function importPath(modus: Modus, dryRun: boolean) {
  return `${MONITORING}/importen?${dryRun ? 'dryRun=true&' : ''}modus=${modus}`;
}

export function UploadForm({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<CsvInspection | null>(null);
  const [modus, setModus] = useState<Modus>('atomisch');
  const [preview, setPreview] = useState<Importsamenvatting | null>(null);
  const [result, setResult] = useState<{ summary: Importsamenvatting; ok: boolean } | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  // One key per upload: a new file or another mode is another upload.
  const key = useRef(newIdempotencyKey());
  const input = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const focusLater = (el: { current: HTMLElement | null }) => requestAnimationFrame(() => el.current?.focus());

  function clear() {
    setPreview(null);
    setResult(null);
    setMessage(null);
    setFileError(undefined);
    key.current = newIdempotencyKey();
  }

  async function choose(f: File | null) {
    clear();
    setFile(f);
    setCsv(f ? inspectCsv(await f.text()) : null);
  }

  function fail(err: unknown) {
    const x = explain(err, true);
    const status = err instanceof ApiError ? err.status : 0;
    // A problem with the file as a whole (a header without the required columns, another shape)
    // belongs next to the file field.
    const reasons = Object.values(x.fields);
    setFileError(reasons.length ? reasons.join(' ') : undefined);
    setMessage(status === 403 ? t('monitoring.importForbidden') : status === 409 ? t('monitoring.importConflict') : x.message);
    focusLater(errorRef);
  }

  async function check(m: Modus = modus) {
    setPreview(null);
    setResult(null);
    setMessage(null);
    const problem = fileProblem(csv);
    setFileError(problem);
    if (problem || !file) {
      setMessage(t('state.invalid'));
      focusLater(errorRef);
      return;
    }
    setBusy('check');
    try {
      const { data } = await request<Importsamenvatting>(importPath(m, true), { method: 'POST', rawBody: file, contentType: 'text/csv' });
      setPreview(data);
      focusLater(previewRef);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!file) return;
    setBusy('import');
    setMessage(null);
    try {
      const { data } = await request<Importsamenvatting>(importPath(modus, false), {
        method: 'POST',
        rawBody: file,
        contentType: 'text/csv',
        headers: { 'Idempotency-Key': key.current },
      });
      setResult({ summary: data, ok: true });
      setPreview(null);
      onImported();
      focusLater(resultRef);
    } catch (err) {
      // Atomic mode with rejected rows: nothing was written, the summary comes with the 400
      // (and the rejected batch is in the history).
      const summary = err instanceof ApiError && err.status === 400 ? (err.problem as ImportAfgewezen | null)?.samenvatting : undefined;
      if (summary) {
        setResult({ summary, ok: false });
        setPreview(null);
        onImported();
        focusLater(resultRef);
      } else {
        fail(err);
      }
    } finally {
      setBusy(null);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void check();
  }

  function changeModus(m: Modus) {
    setModus(m);
    key.current = newIdempotencyKey();
    setResult(null);
    // A preview of the other mode is out of date: check again at once.
    if (preview) void check(m);
  }

  const good = preview ? preview.aantallen.rijen - preview.aantallen.afgewezen : 0;
  const blocked = !!preview && modus === 'atomisch' && preview.aantallen.afgewezen > 0;

  return (
    <form className="utrecht-form jt-form mon-upload" onSubmit={submit} noValidate aria-labelledby="upload-title" data-testid="upload">
      <h2 id="upload-title" className="utrecht-heading-2">
        {t('monitoring.upload')}
      </h2>
      <p className="utrecht-paragraph">{t('monitoring.uploadIntro')}</p>
      {message && (
        <div ref={errorRef} tabIndex={-1} className="utrecht-alert utrecht-alert--error jt-alert" role="alert">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <strong>{t('state.errorSummary')}</strong>
              <p className="utrecht-paragraph">{message}</p>
              {fileError && (
                <ul>
                  <li>
                    <a className="utrecht-link" href="#mon-bestand">
                      {t('monitoring.file')}: {fileError}
                    </a>
                  </li>
                </ul>
              )}
            </div>
          </div>
        </div>
      )}
      <Field id="mon-bestand" label={t('monitoring.file')} hint={t('monitoring.uploadFormat')} error={fileError}>
        {(a) => (
          <input
            {...a}
            ref={input}
            type="file"
            accept=".csv,text/csv"
            className="mon-file"
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {file && csv && !fileProblem(csv) && (
        <p className="jt-list__meta" data-testid="bestand-info">
          {t('monitoring.fileInfo', { naam: file.name, rijen: csv.rows, scheidingsteken: csv.separator })}
        </p>
      )}
      <fieldset className="jt-choice">
        <legend>{t('monitoring.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className="jt-choice__option">
            <input type="radio" name="modus" value={m} checked={modus === m} onChange={() => changeModus(m)} /> {t(`monitoring.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="utrecht-button-group jt-buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action utrecht-button--submit" disabled={busy !== null}>
          {busy === 'check' ? t('monitoring.checking') : t('monitoring.check')}
        </button>
        {(file || result) && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              if (input.current) input.current.value = '';
              void choose(null);
              input.current?.focus();
            }}
          >
            {t('monitoring.reset')}
          </button>
        )}
      </div>

      {preview && (
        <section className="mon-preview" aria-labelledby="preview-title" data-testid="proefimport">
          <h3 id="preview-title" ref={previewRef} tabIndex={-1} className="utrecht-heading-3">
            {t('monitoring.preview')}
          </h3>
          <p className="utrecht-paragraph">{t('monitoring.previewNote')}</p>
          <Counts counts={preview.aantallen} />
          <Rejections summary={preview} lines={csv?.lines} />
          {blocked ? (
            <Alert type="warning">{t('monitoring.atomicBlocked')}</Alert>
          ) : good <= 0 ? (
            <Alert type="warning">{t('monitoring.nothingToImport')}</Alert>
          ) : (
            <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={busy !== null} onClick={() => void runImport()}>
              {busy === 'import' ? t('monitoring.importing') : preview.aantallen.afgewezen > 0 ? t('monitoring.importGood', { aantal: good }) : t('monitoring.import')}
            </button>
          )}
        </section>
      )}

      {result && (
        <div ref={resultRef} tabIndex={-1} className="mon-result" data-testid="importresultaat">
          <Alert type={result.ok ? 'ok' : 'error'}>
            <p className="utrecht-paragraph">
              {result.ok
                ? t('monitoring.importedText', {
                    aangemaakt: result.summary.aantallen.aangemaakt,
                    bijgewerkt: result.summary.aantallen.bijgewerkt,
                    ongewijzigd: result.summary.aantallen.ongewijzigd,
                    afgewezen: result.summary.aantallen.afgewezen,
                  })
                : t('monitoring.importRejected')}
            </p>
          </Alert>
          <Counts counts={result.summary.aantallen} />
          <Rejections summary={result.summary} lines={csv?.lines} />
        </div>
      )}
    </form>
  );
}

function Rejections({ summary, lines }: { summary: Importsamenvatting; lines?: string[] }) {
  if (summary.afwijzingen.length === 0) return null;
  return (
    <>
      <h4 className="mon-subhead">{t('monitoring.rejections')}</h4>
      {!summary.afwijzingenVolledig && <p className="jt-list__meta">{t('monitoring.rejectionsPartial', { getoond: summary.afwijzingen.length, totaal: summary.afwijzingenTotaal })}</p>}
      <RejectionTable rows={summary.afwijzingen} lines={lines} />
    </>
  );
}
