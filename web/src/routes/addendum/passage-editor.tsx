// Part A's additional passage (the short report of the additional audit), saved over its version
// like a finding: offline kept on this device, a stale save shows both texts to choose from.
import { ApiError } from '../../api/api-error';
import { api, type AddendumPassage } from '../../api/client';
import { SaveStatus } from '../../components/common/save-status';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useVersionedAutosave } from '../../components/common/use-versioned-autosave';
import { useI18n } from '../../i18n/i18n-context';
import { editKey } from '../../utils/offline-edits';

const isText = (value: unknown): value is string => typeof value === 'string';

export function PassageEditor({
  trajectoryId,
  passage,
  editable,
  onSaved,
}: {
  trajectoryId: number;
  passage: AddendumPassage;
  editable: boolean;
  onSaved: (text: string) => void;
}) {
  const { t } = useI18n();
  const autosave = useVersionedAutosave<string>({
    initial: passage.text,
    version: passage.version,
    storageKey: editKey(trajectoryId, 'addendum', 'passage'),
    isValue: isText,
    readOnly: !editable,
    save: async (text, version) => {
      const { data, error, response } = await api.PUT('/api/v1/trajectories/{id}/addendum/passage', {
        params: { path: { id: trajectoryId } },
        body: { version, text },
      });
      if (response.ok && data) {
        onSaved(data.text);
        return { kind: 'saved', version: data.version };
      }
      const current = (error as { current?: AddendumPassage } | undefined)?.current;
      if (response.status === 409 && current) return { kind: 'stale', value: current.text, version: current.version };
      throw new ApiError(response.status, error);
    },
  });
  const { value, change, flush } = autosave;
  return (
    <section className="card" aria-labelledby="aanvullende-passage">
      <h2 id="aanvullende-passage">{t('addendum.passageTitle')}</h2>
      <div className="field">
        <label className="field__label" htmlFor="aanvullende-passage-tekst">
          {t('addendum.passageLabel')}
        </label>
        <textarea
          id="aanvullende-passage-tekst"
          className="field__input"
          rows={6}
          value={value}
          readOnly={!editable}
          onChange={(event) => change(event.target.value)}
          onBlur={flush}
        />
      </div>
      {autosave.conflict && (
        <StaleSaveChoice
          title={t('addendum.passageConflict')}
          mine={<p className="conflict-texts__text">{value || t('stale.noText')}</p>}
          stored={<p className="conflict-texts__text">{autosave.conflict.value || t('stale.noText')}</p>}
          onKeepMine={autosave.keepMine}
          onTakeStored={autosave.takeStored}
        />
      )}
      {editable && <SaveStatus status={autosave.status} error={autosave.error} />}
      {passage.updated_by && <p className="muted finding__by">{t('findings.updatedBy', { name: passage.updated_by })}</p>}
    </section>
  );
}
