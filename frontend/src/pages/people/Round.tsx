// /raadplegingen/:id: one constituency round: who has responded (on time or late, with their
// input) and who has not; editors record a member's input or remove it. Prints as a checklist.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { request, STAKEHOLDERS } from '../../api/client';
import type { Achterbanraadpleging } from '../../api/types/people';
import { canEditStakeholders, useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { explain } from '../../lib/problems';
import { useResource } from '../../lib/useResource';
import '../../styles/people.css';
import { FormButtons } from '../../components/FormButtons';
import { ErrorSummary, Row, Select, TextArea, TextInput, useForm } from './form';
import { PHASE_TONE, summarise } from './rounds';

export default function RoundPage() {
  const id = useParams().id ?? '';
  const { user } = useSession();
  const res = useResource((signal) => request<Achterbanraadpleging>(`${STAKEHOLDERS}/achterbanraadplegingen/${encodeURIComponent(id)}`, { signal }).then((r) => r.data), [id]);
  const title = res.state === 'ready' ? t('people.round.name', { gremium: res.data.gremiumNaam, datum: formatDate(res.data.sessiedatum) }) : t('people.rounds.title');
  useTitle(title);
  return (
    <>
      <p className="jt-preheading jt-no-print">
        <Link className="utrecht-link" to="/raadplegingen">
          {t('people.round.back')}
        </Link>
      </p>
      <Loaded resource={res}>{(r) => <RoundView round={r} editable={canEditStakeholders(user)} reload={res.reload} />}</Loaded>
    </>
  );
}

function RoundView({ round: r, editable, reload }: { round: Achterbanraadpleging; editable: boolean; reload: () => void }) {
  const s = summarise(r, todayIso());
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <article className="jt-article">
      <p className="jt-preheading">{t('people.round.kicker')}</p>
      <h1 className="utrecht-heading-1">{t('people.round.name', { gremium: r.gremiumNaam, datum: formatDate(r.sessiedatum) })}</h1>
      {r.onderwerp && <p className="jt-lead">{r.onderwerp}</p>}
      <p className="jt-rank__meta">
        <StatusBadge tone={PHASE_TONE[s.fase]}>{tk('people.roundPhase', s.fase)}</StatusBadge>
        <span>{t('people.round.respondedOf', { aantal: s.gereageerd, leden: s.leden })}</span>
        {s.teLaat > 0 && <StatusBadge tone="warning">{t('people.round.lateCount', { aantal: s.teLaat })}</StatusBadge>}
      </p>
      <dl className="jt-dl jt-dl--rows jt-round__dates">
        <Row label={t('people.round.session')}>{formatDate(r.sessiedatum)}</Row>
        <Row label={t('people.round.mailing')}>{formatDate(r.verzenddatum)}</Row>
        <Row label={t('people.round.deadlineLabel')}>{formatDate(r.inbrengUiterlijk)}</Row>
      </dl>
      {notice && <Alert type="ok">{notice}</Alert>}
      {editable && r.nietGereageerd.length > 0 && (
        <InputForm
          round={r}
          onSaved={(naam) => {
            setNotice(t('people.round.inputSaved', { naam }));
            reload();
          }}
        />
      )}
      <section className="jt-section" aria-labelledby="niet-gereageerd">
        <h2 id="niet-gereageerd" className="utrecht-heading-2">
          {t('people.round.notRespondedTitle')} <span className="jt-count">({r.nietGereageerd.length})</span>
        </h2>
        {r.nietGereageerd.length === 0 ? (
          <Empty>{s.leden === 0 ? t('people.round.noMembers') : t('people.round.allResponded')}</Empty>
        ) : (
          <ul className="jt-list jt-list--grid" data-testid="niet-gereageerd">
            {[...r.nietGereageerd]
              .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
              .map((m) => (
                <li key={m.persoonId} className="jt-list__item jt-list__item--open">
                  <Link className="utrecht-link" to={`/personen/${m.persoonId}`}>
                    {m.naam}
                  </Link>
                  {m.achterban && <p className="jt-list__meta">{m.achterban}</p>}
                </li>
              ))}
          </ul>
        )}
      </section>
      <section className="jt-section" aria-labelledby="gereageerd">
        <h2 id="gereageerd" className="utrecht-heading-2">
          {t('people.round.respondedTitle')} <span className="jt-count">({r.gereageerd.length})</span>
        </h2>
        {r.gereageerd.length === 0 ? (
          <Empty>{t('people.round.noneResponded')}</Empty>
        ) : (
          <ul className="jt-list" data-testid="gereageerd">
            {[...r.gereageerd]
              .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
              .map((g) => (
                <li key={g.persoonId} className="jt-list__item">
                  <div className="jt-report__head">
                    <Link className="utrecht-link" to={`/personen/${g.persoonId}`}>
                      <strong>{g.naam}</strong>
                    </Link>
                    <StatusBadge tone={g.opTijd ? 'safe' : 'warning'}>{g.opTijd ? t('people.round.respondedOnTime', { datum: formatDate(g.ontvangenOp) }) : t('people.round.respondedLate', { datum: formatDate(g.ontvangenOp) })}</StatusBadge>
                  </div>
                  {g.achterban && <p className="jt-list__meta">{g.achterban}</p>}
                  <p className="jt-list__text jt-prose">{g.tekst}</p>
                  {editable && (
                    <RemoveInput
                      roundId={r.id}
                      persoonId={g.persoonId}
                      naam={g.naam}
                      onRemoved={() => {
                        setNotice(t('people.round.inputRemoved', { naam: g.naam }));
                        reload();
                      }}
                    />
                  )}
                </li>
              ))}
          </ul>
        )}
      </section>
    </article>
  );
}

interface InputValues {
  persoonId: string;
  tekst: string;
  ontvangenOp: string;
}

function InputForm({ round: r, onSaved }: { round: Achterbanraadpleging; onSaved: (naam: string) => void }) {
  const [open, setOpen] = useState(false);
  const form = useForm<InputValues>({
    initial: () => ({ persoonId: '', tekst: '', ontvangenOp: todayIso() }),
    validate: (v) => {
      const e: Record<string, string> = {};
      if (!v.persoonId) e.persoonId = t('people.round.chooseMember');
      if (!v.tekst.trim()) e.tekst = t('form.required');
      if (!v.ontvangenOp) e.ontvangenOp = t('form.required');
      return e;
    },
    draftKey: `inbreng:${r.id}`,
  });
  const v = form.values;
  const p = 'inbreng';
  const labels = { persoonId: t('people.round.member'), tekst: t('people.round.input'), ontvangenOp: t('people.round.received') };
  if (!open && !form.restored) {
    return (
      <p className="jt-no-print">
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setOpen(true)}>
          {t('people.round.recordInput')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="utrecht-form jt-form jt-pform jt-no-print"
      noValidate
      aria-labelledby="inbreng-title"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(async () => {
            await request(`${STAKEHOLDERS}/achterbanraadplegingen/${r.id}/inbreng`, { method: 'POST', body: { persoonId: v.persoonId, tekst: v.tekst.trim(), ontvangenOp: v.ontvangenOp } });
          })
          .then((ok) => {
            if (!ok) return;
            const naam = r.nietGereageerd.find((m) => m.persoonId === v.persoonId)?.naam ?? '';
            form.reset();
            setOpen(false);
            onSaved(naam);
          });
      }}
    >
      <h2 id="inbreng-title" className="utrecht-heading-2">
        {t('people.round.recordInput')}
      </h2>
      {form.restored && <Alert type="info">{t('report.draftKept')}</Alert>}
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <div className="jt-form__row">
        <Select
          id={`${p}-persoonId`}
          label={labels.persoonId}
          value={v.persoonId}
          onChange={(x) => form.set('persoonId', x)}
          error={form.errors.persoonId}
          placeholder={t('people.round.chooseMember')}
          options={[...r.nietGereageerd].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((m) => ({ value: m.persoonId, label: m.achterban ? `${m.naam} (${m.achterban})` : m.naam }))}
          required
        />
        <TextInput id={`${p}-ontvangenOp`} type="date" label={labels.ontvangenOp} value={v.ontvangenOp} onChange={(x) => form.set('ontvangenOp', x)} error={form.errors.ontvangenOp} required />
      </div>
      <TextArea id={`${p}-tekst`} label={labels.tekst} value={v.tekst} onChange={(x) => form.set('tekst', x)} error={form.errors.tekst} required />
      <FormButtons
        busy={form.busy}
        submitLabel={t('people.round.saveInput')}
        onCancel={() => {
          form.reset();
          setOpen(false);
        }}
      />
    </form>
  );
}

/** Removing a member's input asks once more, in place (no browser dialog). */
function RemoveInput({ roundId, persoonId, naam, onRemoved }: { roundId: string; persoonId: string; naam: string; onRemoved: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <p className="jt-no-print">
        <button type="button" className="utrecht-button utrecht-button--subtle jt-linkbutton" onClick={() => setConfirming(true)}>
          {t('people.round.removeInput', { naam })}
        </button>
      </p>
    );
  }
  return (
    <div className="jt-confirm jt-no-print" role="group" aria-label={t('people.round.removeInput', { naam })}>
      <p className="utrecht-paragraph">{t('people.round.removeConfirm', { naam })}</p>
      {error && <Alert type="error">{error}</Alert>}
      <div className="jt-buttons">
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action jt-danger"
          disabled={busy}
          autoFocus
          onClick={async () => {
            setBusy(true);
            try {
              await request(`${STAKEHOLDERS}/achterbanraadplegingen/${roundId}/inbreng/${persoonId}`, { method: 'DELETE' });
              onRemoved();
            } catch (e) {
              setError(explain(e, true).message);
              setBusy(false);
            }
          }}
        >
          {t('people.round.removeYes')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setConfirming(false)}>
          {t('report.cancel')}
        </button>
      </div>
    </div>
  );
}
