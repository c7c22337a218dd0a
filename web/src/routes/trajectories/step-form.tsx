// One step the signed-in party may record: the date it happened (today unless an earlier one is
// chosen, never later) and the step's payload. The server checks the route; its refusal (409, the
// rule's reason) or a field it names (400) is shown here, with what was typed kept and the focus on it.
import { useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/api-error';
import { api, type Trajectory, type TrajectoryEventInput } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { TextField } from '../../components/common/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { TeamPicker, type TeamChoice } from './team-picker';
import { errorField, reasonText, todayIso, type Step, type StepField } from './trajectory-helpers';

type FieldName = StepField | 'on';
type Values = Record<FieldName, string>;
// Fields with a form control of their own (not one text or date input).
const SPECIAL: readonly StepField[] = ['team', 'locations', 'days'];

// Text fields; every other plain field is a date.
const TEXT_FIELDS: readonly StepField[] = ['reason', 'previous_number'];

export function StepForm({
  trajectoryId,
  step,
  onRecorded,
  prefill = {},
}: {
  trajectoryId: number;
  step: Step;
  onRecorded: (t: Trajectory) => void;
  /** Starting values, e.g. the earlier certificate the member named, for the secretariat to check. */
  prefill?: Partial<Record<StepField, string>>;
}) {
  const { t, language } = useI18n();
  const today = todayIso();
  const [values, setValues] = useState<Values>({
    on: today,
    reason: '',
    first_day: '',
    last_day: '',
    date: '',
    due: '',
    days: '',
    locations: '',
    team: '',
    previous_number: '',
    previous_expires: '',
    ...prefill,
  });
  const [team, setTeam] = useState<TeamChoice>({});
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<{ text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLElement | null>>>({});
  const label = t.optional(`trajectory.event.${step.event}`) ?? step.event;
  const submitLabel = t.optional(`step.submit.${step.event}`) ?? t('step.submit.default');
  const idFor = (field: FieldName) => `stap-${step.event}-${field}`;

  function set(field: FieldName, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  function showFieldError(field: FieldName, text: string) {
    setErrors({ [field]: text });
    window.requestAnimationFrame(() => refs.current[field]?.focus());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFormError(null);
    setErrors({});
    if (!values.on) {
      showFieldError('on', t('step.required'));
      return;
    }
    if (values.on > today) {
      showFieldError('on', t('step.future'));
      return;
    }
    const members = Object.entries(team)
      .filter(([, role]) => role !== '')
      .map(([id, role]) => ({ auditor_id: Number(id), role: role as Exclude<typeof role, ''> }));
    const missing = step.required.find((field) => (field === 'team' ? false : values[field].trim() === ''));
    if (missing) {
      showFieldError(missing, t('step.required'));
      return;
    }
    if (step.required.includes('team') && !members.some((m) => m.role === 'team_leader')) {
      showFieldError('team', t('step.teamRequired'));
      return;
    }
    const body: TrajectoryEventInput = { event: step.event, on: values.on };
    for (const field of step.fields) {
      const value = values[field].trim();
      if (field === 'team') {
        body.team = members;
      } else if (field === 'locations') {
        const locations = value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
        if (locations.length > 0) {
          body.locations = locations;
        }
      } else if (field === 'days') {
        if (value !== '') {
          const days = Number(value.replace(',', '.'));
          if (!Number.isFinite(days) || days <= 0) {
            showFieldError('days', t('step.daysHint'));
            return;
          }
          body.days = days;
        }
      } else if (value !== '') {
        body[field] = value;
      }
    }
    setBusy(true);
    try {
      const trajectory = await unwrap(
        api.POST('/api/v1/trajectories/{id}/events', { params: { path: { id: trajectoryId } }, body }),
      );
      onRecorded(trajectory);
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (!uiError) {
        return;
      }
      const text = language === 'nl' ? reasonText(uiError.message) : uiError.message;
      const field = errorField(uiError.field, uiError.code, step);
      if (field) {
        showFieldError(field, text);
      } else {
        setFormError({ text, key: Date.now() });
      }
    } finally {
      setBusy(false);
    }
  }

  const headingId = `stap-${step.event}-titel`;
  return (
    <section className="step card" aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      {formError && (
        <Alert key={formError.key} tone="error" title={t('step.failed')} focus>
          <p>{formError.text}</p>
        </Alert>
      )}
      <form className="form step__form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <TextField
          ref={(element) => {
            refs.current.on = element;
          }}
          id={idFor('on')}
          type="date"
          label={t('step.on')}
          hint={t('step.onHint')}
          max={today}
          value={values.on}
          onChange={(e) => set('on', e.target.value)}
          error={errors.on}
          required
        />
        {step.fields.filter((field) => !SPECIAL.includes(field)).map((field) => (
          <TextField
            key={field}
            ref={(element) => {
              refs.current[field] = element;
            }}
            id={idFor(field)}
            type={TEXT_FIELDS.includes(field) ? 'text' : 'date'}
            label={t(`step.${field}`)}
            hint={t.optional(`step.${field}Hint`) ?? undefined}
            value={values[field]}
            onChange={(e) => set(field, e.target.value)}
            error={errors[field]}
            required={step.required.includes(field)}
          />
        ))}
        {step.fields.includes('days') && (
          <TextField
            ref={(element) => {
              refs.current.days = element;
            }}
            id={idFor('days')}
            inputMode="decimal"
            label={t('step.days')}
            hint={t('step.daysHint')}
            value={values.days}
            onChange={(e) => set('days', e.target.value)}
            error={errors.days}
          />
        )}
        {step.fields.includes('locations') && (
          <div className={`field${errors.locations ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={idFor('locations')}>
              {t('step.locations')}
            </label>
            <p className="field__hint" id={`${idFor('locations')}-hint`}>
              {t('step.locationsHint')}
            </p>
            {errors.locations && (
              <p className="field__error" id={`${idFor('locations')}-error`}>
                {errors.locations}
              </p>
            )}
            <textarea
              ref={(element) => {
                refs.current.locations = element;
              }}
              id={idFor('locations')}
              className="field__input"
              rows={2}
              value={values.locations}
              onChange={(e) => set('locations', e.target.value)}
              aria-invalid={errors.locations ? true : undefined}
              aria-describedby={`${idFor('locations')}-hint${errors.locations ? ` ${idFor('locations')}-error` : ''}`}
            />
          </div>
        )}
        {step.fields.includes('team') && (
          <TeamPicker
            trajectoryId={trajectoryId}
            firstDay={values.first_day}
            lastDay={values.last_day}
            value={team}
            onChange={setTeam}
            error={errors.team}
            focusRef={(element) => {
              refs.current.team = element;
            }}
          />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
