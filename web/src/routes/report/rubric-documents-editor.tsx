// The documents inspected for one rubric (B7 Part B), saved as one list over its version like a
// finding (offline kept on this device, stale → both lists).
import { ApiError } from '../../api/api-error';
import { api, type FindingSource, type RubricDocuments } from '../../api/client';
import { SaveStatus } from '../../components/common/save-status';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useVersionedAutosave } from '../../components/common/use-versioned-autosave';
import { useI18n } from '../../i18n/i18n-context';
import { editKey } from '../../utils/offline-edits';
import { isCompleteSource, isSourceList } from './finding-helpers';
import { SourceListEditor, sourceText } from './source-list-editor';

export function RubricDocumentsEditor({
  trajectoryId,
  rubric,
  name,
  initial,
  editable,
}: {
  trajectoryId: number;
  rubric: string;
  name: string;
  initial: RubricDocuments | undefined;
  editable: boolean;
}) {
  const { t } = useI18n();
  const autosave = useVersionedAutosave<FindingSource[]>({
    initial: initial?.documents ?? [],
    version: initial?.version ?? 0,
    storageKey: editKey(trajectoryId, 'documents', rubric),
    isValue: isSourceList,
    readOnly: !editable,
    save: async (documents, version) => {
      const { data, error, response } = await api.PUT('/api/v1/trajectories/{id}/rubric-documents/{rubric}', {
        params: { path: { id: trajectoryId, rubric } },
        body: { version, documents: documents.filter(isCompleteSource).map((d) => ({ kind: 'document' as const, title: (d.title ?? '').trim() })) },
      });
      if (response.ok && data) return { kind: 'saved', version: data.version };
      const current = (error as { current?: RubricDocuments } | undefined)?.current;
      if (response.status === 409 && current) return { kind: 'stale', value: current.documents, version: current.version };
      throw new ApiError(response.status, error);
    },
  });
  const list = (documents: FindingSource[]) =>
    documents.length === 0 ? (
      <p>{t('sources.none')}</p>
    ) : (
      <ul className="plain-list">
        {documents.map((d, i) => (
          <li key={i}>{sourceText(d, t)}</li>
        ))}
      </ul>
    );
  return (
    <section className="card rubric-documents" aria-labelledby={`documenten-${rubric}`}>
      <h3 id={`documenten-${rubric}`}>{t('findings.documentsTitle', { rubric: name })}</h3>
      <SourceListEditor
        id={`documenten-${rubric}-item`}
        legend={t('findings.documentsLegend', { rubric: name })}
        sources={autosave.value}
        readOnly={!editable}
        documentsOnly
        onChange={(next, delay) => autosave.change(next, delay)}
        onLeave={autosave.flush}
      />
      {autosave.conflict && (
        <StaleSaveChoice
          title={t('findings.documentsConflict', { rubric: name })}
          mine={list(autosave.value)}
          stored={list(autosave.conflict.value)}
          onKeepMine={autosave.keepMine}
          onTakeStored={autosave.takeStored}
        />
      )}
      {editable && <SaveStatus status={autosave.status} error={autosave.error} />}
    </section>
  );
}
