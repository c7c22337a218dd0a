// One typed field of Part A (B7): text → a textarea, line → an input, hours → a number as typed
// ("12,5"), list → four lines and "Nog een punt". Saved over its version like a finding.
import { ApiError } from '../../api/api-error';
import { api, type PartAField } from '../../api/client';
import { SaveStatus } from '../../components/common/save-status';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useVersionedAutosave } from '../../components/common/use-versioned-autosave';
import { useI18n } from '../../i18n/i18n-context';
import { editKey } from '../../utils/offline-edits';
import { isPartAValue, LIST_MAX, listItems, listLines, valueText, type PartAValue } from './part-a-helpers';

export function PartAFieldEditor({ trajectoryId, field, editable }: { trajectoryId: number; field: PartAField; editable: boolean }) {
  const { t } = useI18n();
  const autosave = useVersionedAutosave<PartAValue>({
    initial: field.kind === 'list' ? listLines(Array.isArray(field.value) ? field.value : []) : valueText(field.value),
    version: field.version,
    storageKey: editKey(trajectoryId, 'part-a', field.key),
    isValue: isPartAValue,
    readOnly: !editable,
    save: async (value, version) => {
      const { data, error, response } = await api.PUT('/api/v1/trajectories/{id}/part-a/{field}', {
        params: { path: { id: trajectoryId, field: field.key } },
        body: { version, value: Array.isArray(value) ? listItems(value) : value },
      });
      if (response.ok && data) return { kind: 'saved', version: data.version };
      const current = (error as { current?: PartAField } | undefined)?.current;
      if (response.status === 409 && current) {
        return { kind: 'stale', value: Array.isArray(current.value) ? listLines(current.value) : current.value, version: current.version };
      }
      throw new ApiError(response.status, error);
    },
  });
  const id = `deel-a-${field.key}`;
  const { value, change, flush } = autosave;

  let control;
  if (Array.isArray(value)) {
    control = (
      <fieldset className="part-a__list">
        <legend className="field__label">{field.label}</legend>
        <ol className="part-a__points">
          {value.map((line, index) => (
            <li key={index}>
              <label className="visually-hidden" htmlFor={`${id}-${index}`}>
                {t('partA.point', { label: field.label, number: index + 1 })}
              </label>
              <input
                id={`${id}-${index}`}
                className="field__input"
                value={line}
                readOnly={!editable}
                onChange={(event) => change(value.map((l, i) => (i === index ? event.target.value : l)))}
                onBlur={flush}
              />
            </li>
          ))}
        </ol>
        {editable && value.length < LIST_MAX && (
          <button type="button" className="button button--secondary button--small" onClick={() => change([...value, ''])}>
            {t('partA.addPoint', { label: field.label })}
          </button>
        )}
      </fieldset>
    );
  } else if (field.kind === 'text') {
    control = (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {field.label}
        </label>
        <textarea id={id} className="field__input" rows={4} value={value} readOnly={!editable} onChange={(e) => change(e.target.value)} onBlur={flush} />
      </div>
    );
  } else {
    control = (
      <div className={`field${autosave.status === 'error' ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={id}>
          {field.label}
        </label>
        {field.kind === 'hours' && (
          <p className="field__hint" id={`${id}-hint`}>
            {t('partA.hoursHint')}
          </p>
        )}
        <input
          id={id}
          className="field__input"
          inputMode={field.kind === 'hours' ? 'decimal' : undefined}
          value={value}
          readOnly={!editable}
          aria-invalid={autosave.status === 'error' ? true : undefined}
          aria-describedby={`${field.kind === 'hours' ? `${id}-hint ` : ''}${id}-status`}
          onChange={(e) => change(e.target.value)}
          onBlur={flush}
        />
      </div>
    );
  }

  const shown = (v: PartAValue) => <p className="conflict-texts__text">{valueText(Array.isArray(v) ? listItems(v) : v) || t('stale.noText')}</p>;
  return (
    <div className="part-a__field" data-field={field.key}>
      {control}
      {autosave.conflict && (
        <StaleSaveChoice
          title={t('partA.conflictTitle', { label: field.label })}
          mine={shown(value)}
          stored={shown(autosave.conflict.value)}
          onKeepMine={autosave.keepMine}
          onTakeStored={autosave.takeStored}
        />
      )}
      {editable && <SaveStatus id={`${id}-status`} status={autosave.status} error={autosave.error} />}
    </div>
  );
}
