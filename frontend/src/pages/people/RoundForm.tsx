// Creating a constituency round after a body's session. The mailing date defaults to a week after
// the session and the deadline to a week after the mailing (the server fills them in).
import { request, STAKEHOLDERS } from '../../api/client';
import type { Gremium } from '../../api/types';
import type { Achterbanraadpleging, AchterbanraadplegingNieuw } from '../../api/types/people';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { FormButtons } from '../../components/FormButtons';
import { ErrorSummary, Select, TextInput, useForm } from './form';
import { textOrNull } from './text';

export interface RoundValues {
  gremiumId: string;
  sessiedatum: string;
  verzenddatum: string;
  inbrengUiterlijk: string;
  onderwerp: string;
}

export function validateRound(v: RoundValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.gremiumId) e.gremiumId = t('people.round.chooseBody');
  if (!v.sessiedatum) e.sessiedatum = t('form.required');
  if (v.verzenddatum && v.sessiedatum && v.verzenddatum < v.sessiedatum) e.verzenddatum = t('people.round.mailBeforeSession');
  const from = v.verzenddatum || v.sessiedatum;
  if (v.inbrengUiterlijk && from && v.inbrengUiterlijk < from) e.inbrengUiterlijk = t('people.round.deadlineTooEarly');
  return e;
}

export function roundBody(v: RoundValues): AchterbanraadplegingNieuw {
  const body: AchterbanraadplegingNieuw = { gremiumId: v.gremiumId, sessiedatum: v.sessiedatum, onderwerp: textOrNull(v.onderwerp) };
  if (v.verzenddatum) body.verzenddatum = v.verzenddatum;
  if (v.inbrengUiterlijk) body.inbrengUiterlijk = v.inbrengUiterlijk;
  return body;
}

export function RoundForm({ bodies, onSaved, onCancel }: { bodies: Gremium[]; onSaved: (r: Achterbanraadpleging) => void; onCancel: () => void }) {
  const form = useForm<RoundValues>({
    initial: () => ({ gremiumId: '', sessiedatum: todayIso(), verzenddatum: '', inbrengUiterlijk: '', onderwerp: '' }),
    validate: validateRound,
    draftKey: 'raadpleging:nieuw',
  });
  const v = form.values;
  const p = 'ronde';
  const labels = {
    gremiumId: t('people.round.body'),
    sessiedatum: t('people.round.session'),
    verzenddatum: t('people.round.mailing'),
    inbrengUiterlijk: t('people.round.deadlineLabel'),
    onderwerp: t('people.round.subject'),
  };
  const options = [...bodies].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')).map((g) => ({ value: g.id, label: g.naam }));
  return (
    <form
      className="utrecht-form jt-form jt-pform"
      noValidate
      aria-labelledby="ronde-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => onSaved((await request<Achterbanraadpleging>(`${STAKEHOLDERS}/achterbanraadplegingen`, { method: 'POST', body: roundBody(v) })).data));
      }}
    >
      <h2 id="ronde-form-title" className="utrecht-heading-2">
        {t('people.round.new')}
      </h2>
      <ErrorSummary form={form} prefix={p} labels={labels} />
      <Select id={`${p}-gremiumId`} label={labels.gremiumId} value={v.gremiumId} onChange={(x) => form.set('gremiumId', x)} error={form.errors.gremiumId} placeholder={t('people.round.chooseBody')} options={options} required />
      <TextInput id={`${p}-onderwerp`} label={labels.onderwerp} value={v.onderwerp} onChange={(x) => form.set('onderwerp', x)} error={form.errors.onderwerp} />
      <div className="jt-form__row">
        <TextInput id={`${p}-sessiedatum`} type="date" label={labels.sessiedatum} value={v.sessiedatum} onChange={(x) => form.set('sessiedatum', x)} error={form.errors.sessiedatum} required />
        <TextInput id={`${p}-verzenddatum`} type="date" label={labels.verzenddatum} hint={t('people.round.mailingHint')} value={v.verzenddatum} onChange={(x) => form.set('verzenddatum', x)} error={form.errors.verzenddatum} />
        <TextInput id={`${p}-inbrengUiterlijk`} type="date" label={labels.inbrengUiterlijk} hint={t('people.round.deadlineHint')} value={v.inbrengUiterlijk} onChange={(x) => form.set('inbrengUiterlijk', x)} error={form.errors.inbrengUiterlijk} />
      </div>
      <FormButtons
        busy={form.busy}
        submitLabel={t('people.round.create')}
        onCancel={() => {
          form.reset();
          onCancel();
        }}
      />
    </form>
  );
}
