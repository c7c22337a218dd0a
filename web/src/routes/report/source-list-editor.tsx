// The sources a finding rests on (interviews by function and department, never a name; documents by
// title), or a rubric's documents inspected (documents only). Each change goes to the parent's
// autosave; a row still without its function or title is kept on the screen and sent once complete.
import type { FindingSource } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { isCompleteSource } from './finding-helpers';

export function SourceListEditor({
  id,
  legend,
  sources,
  readOnly,
  documentsOnly = false,
  onChange,
  onLeave,
}: {
  /** Unique prefix for the inputs' ids. */
  id: string;
  legend: string;
  sources: FindingSource[];
  readOnly: boolean;
  documentsOnly?: boolean;
  onChange: (next: FindingSource[], delay?: number) => void;
  /** A field was left: send what waits. */
  onLeave: () => void;
}) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<FindingSource>) =>
    onChange(sources.map((source, i) => (i === index ? { ...source, ...patch } : source)));
  const remove = (index: number) => onChange(sources.filter((_, i) => i !== index), 0);

  if (readOnly) {
    return (
      <div className="source-list">
        <h4 className="source-list__title">{legend}</h4>
        {sources.length === 0 ? (
          <p className="muted">{t('sources.none')}</p>
        ) : (
          <ul className="plain-list source-list__read">
            {sources.map((source, index) => (
              <li key={index}>{sourceText(source, t)}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <fieldset className="source-list">
      <legend className="source-list__title">{legend}</legend>
      {sources.length === 0 && <p className="muted">{t('sources.none')}</p>}
      <ol className="source-list__items">
        {sources.map((source, index) => {
          const rowId = `${id}-${index}`;
          const number = index + 1;
          const incomplete = !isCompleteSource(source);
          return (
            <li key={index} className="source-list__item">
              {source.kind === 'interview' ? (
                <div className="source-list__fields">
                  <div className="field">
                    <label className="field__label" htmlFor={`${rowId}-function`}>
                      {t('sources.function', { number })}
                    </label>
                    <p className="field__hint" id={`${rowId}-function-hint`}>
                      {t('sources.functionHint')}
                    </p>
                    <input
                      id={`${rowId}-function`}
                      className="field__input"
                      value={source.function ?? ''}
                      maxLength={200}
                      aria-describedby={`${rowId}-function-hint`}
                      onChange={(event) => update(index, { function: event.target.value })}
                      onBlur={onLeave}
                    />
                  </div>
                  <div className="field">
                    <label className="field__label" htmlFor={`${rowId}-department`}>
                      {t('sources.department', { number })}
                    </label>
                    <input
                      id={`${rowId}-department`}
                      className="field__input"
                      value={source.department ?? ''}
                      maxLength={200}
                      onChange={(event) => update(index, { department: event.target.value })}
                      onBlur={onLeave}
                    />
                  </div>
                </div>
              ) : (
                <div className="source-list__fields">
                  <div className="field">
                    <label className="field__label" htmlFor={`${rowId}-title`}>
                      {t('sources.title', { number })}
                    </label>
                    <input
                      id={`${rowId}-title`}
                      className="field__input"
                      value={source.title ?? ''}
                      maxLength={300}
                      onChange={(event) => update(index, { title: event.target.value })}
                      onBlur={onLeave}
                    />
                  </div>
                </div>
              )}
              {incomplete && <p className="field__hint source-list__incomplete">{t(source.kind === 'interview' ? 'sources.needsFunction' : 'sources.needsTitle')}</p>}
              <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                {t('sources.remove', { number })}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="form__actions source-list__add">
        {!documentsOnly && (
          <button type="button" className="button button--secondary button--small" onClick={() => onChange([...sources, { kind: 'interview', function: '', department: '' }], 0)}>
            {t('sources.addInterview')}
          </button>
        )}
        <button type="button" className="button button--secondary button--small" onClick={() => onChange([...sources, { kind: 'document', title: '' }], 0)}>
          {t('sources.addDocument')}
        </button>
      </div>
    </fieldset>
  );
}

/** "Gesprek: jongerenwerker (Jeugd)" / "Document: Werkplan 2026". */
export function sourceText(source: FindingSource, t: ReturnType<typeof useI18n>['t']): string {
  if (source.kind === 'interview') {
    const department = (source.department ?? '').trim();
    return t(department ? 'sources.interviewWithDepartment' : 'sources.interviewText', { function: source.function ?? '', department });
  }
  return t('sources.documentText', { title: source.title ?? '' });
}
