// One norm of the findings: the verdict (radio buttons, "niet beoordeeld" included), the reason an
// n.v.t. needs, the findings text and the sources, saved automatically over the version it was edited
// from (components/common/use-versioned-autosave.ts: offline kept on this device, stale → both texts).
// Beside it, the norm's B4 questions and evidence examples from the framework. On the additional
// audit's page (`addendum`) the same form reassesses a norm, saved to the addendum.
import { ApiError } from '../../api/api-error';
import { api, type Finding, type FindingVerdict, type Findings, type Norm } from '../../api/client';
import { SaveStatus } from '../../components/common/save-status';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useVersionedAutosave, type SaveAnswer } from '../../components/common/use-versioned-autosave';
import { useI18n } from '../../i18n/i18n-context';
import { editKey } from '../../utils/offline-edits';
import { findingFlags, findingInput, findingValue, isFindingValue, VERDICT_OPTIONS, verdictLabel, type FindingValue } from './finding-helpers';
import { SourceListEditor, sourceText } from './source-list-editor';

export type SavedSummary = Pick<Findings, 'overall' | 'missing_for_concept'>;

export function FindingEditor({
  trajectoryId,
  norm,
  finding,
  editable,
  onSaved,
  addendum = false,
}: {
  trajectoryId: number;
  norm: Norm;
  finding: Finding;
  editable: boolean;
  onSaved: (summary: SavedSummary) => void;
  /** The additional audit's reassessment (PUT …/addendum/findings/{norm}) instead of the finding. */
  addendum?: boolean;
}) {
  const { t } = useI18n();
  const autosave = useVersionedAutosave<FindingValue>({
    initial: findingValue(finding),
    version: finding.version,
    storageKey: editKey(trajectoryId, addendum ? 'addendum' : 'finding', norm.code),
    isValue: isFindingValue,
    readOnly: !editable,
    save: async (value, version): Promise<SaveAnswer<FindingValue>> => {
      const request = { params: { path: { id: trajectoryId, norm: norm.code } }, body: findingInput(value, version) };
      const { data, error, response } = addendum
        ? await api.PUT('/api/v1/trajectories/{id}/addendum/findings/{norm}', request).then((answer) => ({
            ...answer,
            data: answer.data && { version: answer.data.version, overall: answer.data.overall, missing_for_concept: answer.data.missing },
          }))
        : await api.PUT('/api/v1/trajectories/{id}/findings/{norm}', request);
      if (response.ok && data) {
        onSaved({ overall: data.overall, missing_for_concept: data.missing_for_concept });
        return { kind: 'saved', version: data.version };
      }
      const current = (error as { current?: Finding } | undefined)?.current;
      if (response.status === 409 && current) return { kind: 'stale', value: findingValue(current), version: current.version };
      throw new ApiError(response.status, error);
    },
  });
  const { value, change, flush } = autosave;
  const flags = findingFlags(value);
  const id = `norm-${norm.code}`;
  const setVerdict = (verdict: FindingVerdict | null) => change({ ...value, verdict }, 0);

  return (
    <article className="card finding" id={id} aria-labelledby={`${id}-title`}>
      <div className="finding__form">
        <h3 className="norm-answer__title" id={`${id}-title`}>
          <span className="badge">{norm.code}</span> <span lang="nl">{norm.text}</span>
        </h3>
        {flags.includes('few_sources') && (
          <p className="badge badge--warning finding__flag" data-flag="few_sources">
            {t('findings.flag.fewSources')}
          </p>
        )}
        <fieldset className="norm-answer__verdicts" disabled={!editable}>
          <legend className="field__label">{t('findings.verdictLegend', { code: norm.code })}</legend>
          <div className="radio-row">
            {VERDICT_OPTIONS.map((option) => (
              <label key={option.value ?? 'none'} className="radio">
                <input
                  type="radio"
                  name={`${id}-verdict`}
                  value={option.value ?? ''}
                  checked={value.verdict === option.value}
                  onChange={() => setVerdict(option.value)}
                />
                <span>{t(option.label)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {value.verdict === 'n.v.t.' && (
          <div className={`field${flags.includes('reason_missing') ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-reason`}>
              {t('findings.reason', { code: norm.code })}
            </label>
            {flags.includes('reason_missing') && (
              <p className="field__error" id={`${id}-reason-error`}>
                {t('findings.flag.reasonMissing')}
              </p>
            )}
            <input
              id={`${id}-reason`}
              className="field__input"
              value={value.reason}
              readOnly={!editable}
              required
              aria-invalid={flags.includes('reason_missing') ? true : undefined}
              aria-describedby={flags.includes('reason_missing') ? `${id}-reason-error` : undefined}
              onChange={(event) => change({ ...value, reason: event.target.value })}
              onBlur={flush}
            />
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('findings.text', { code: norm.code })}
          </label>
          <textarea
            id={`${id}-text`}
            className="field__input finding__text"
            rows={4}
            value={value.text}
            readOnly={!editable}
            onChange={(event) => change({ ...value, text: event.target.value })}
            onBlur={flush}
          />
        </div>
        <SourceListEditor
          id={`${id}-source`}
          legend={t('findings.sources', { code: norm.code })}
          sources={value.sources}
          readOnly={!editable}
          onChange={(sources, delay) => change({ ...value, sources }, delay)}
          onLeave={flush}
        />
        {autosave.conflict && (
          <StaleSaveChoice
            title={t('findings.conflictTitle', { code: norm.code })}
            mine={<FindingSummary value={value} />}
            stored={<FindingSummary value={autosave.conflict.value} />}
            onKeepMine={autosave.keepMine}
            onTakeStored={autosave.takeStored}
          />
        )}
        {editable && <SaveStatus status={autosave.status} error={autosave.error} />}
        {finding.updated_by && (
          <p className="muted finding__by">{t('findings.updatedBy', { name: finding.updated_by })}</p>
        )}
      </div>
      <aside className="finding__guide" aria-label={t('findings.guide', { code: norm.code })}>
        {norm.questions.length > 0 && (
          <>
            <h4>{t('findings.questions')}</h4>
            <ul lang="nl">
              {norm.questions.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ul>
          </>
        )}
        {norm.evidence.length > 0 && (
          <>
            <h4>{t('findings.evidence')}</h4>
            <ul lang="nl">
              {norm.evidence.map((example) => (
                <li key={example}>{example}</li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </article>
  );
}

/** One side of the both-texts choice: verdict, reason, text and sources. */
function FindingSummary({ value }: { value: FindingValue }) {
  const { t } = useI18n();
  return (
    <>
      <p className="conflict-texts__verdict">{t('findings.verdictIs', { verdict: t(verdictLabel(value.verdict)) })}</p>
      {value.verdict === 'n.v.t.' && <p>{t('findings.reasonIs', { reason: value.reason || '–' })}</p>}
      <p className="conflict-texts__text">{value.text || t('stale.noText')}</p>
      {value.sources.length > 0 && (
        <ul className="plain-list">
          {value.sources.map((source, index) => (
            <li key={index}>{sourceText(source, t)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
