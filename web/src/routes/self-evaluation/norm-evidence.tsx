// The evidence of one norm: the files already cited (download link, size, remove button) and an
// upload control. The file goes to POST /api/v1/documents as it is; the server judges its type by
// its content and refuses other kinds or more than 10 MB, in Dutch. A file that is plainly too large
// or empty is refused here before it is sent. The answer's evidence list is saved by the norm's
// versioned autosave (norm-answer.tsx), so adding or removing a file is a save like any other.
import { useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { csrfHeader, type EvidenceDocument } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';

/** DOCUMENT_MAX_BYTES in src/core/documents/document_rules.h. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export function formatSize(bytes: number, language: string): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

type Message = { tone: 'error' | 'info'; text: string };

export function NormEvidence({
  normCode,
  evidence,
  readOnly,
  onAdd,
  onRemove,
}: {
  normCode: string;
  evidence: EvidenceDocument[];
  readOnly: boolean;
  onAdd: (document: EvidenceDocument) => void;
  onRemove: (document: EvidenceDocument) => void;
}) {
  const { t, language } = useI18n();
  const [uploading, setUploading] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `norm-${normCode}-evidence`;

  async function upload(file: File) {
    if (file.size > DOCUMENT_MAX_BYTES) {
      setMessage({ tone: 'error', text: t('selfEvaluation.evidence.tooLarge', { name: file.name }) });
      return;
    }
    if (file.size === 0) {
      setMessage({ tone: 'error', text: t('selfEvaluation.evidence.empty', { name: file.name }) });
      return;
    }
    setUploading(file.name);
    setMessage(null);
    try {
      const response = await fetch(`/api/v1/documents?filename=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...csrfHeader(), 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        body: file,
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw new ApiError(response.status, body);
      const stored = body as EvidenceDocument;
      onAdd({ id: stored.id, filename: stored.filename, media_type: stored.media_type, size: stored.size });
      setMessage({ tone: 'info', text: t('selfEvaluation.evidence.uploaded', { name: stored.filename }) });
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) setMessage({ tone: 'error', text: uiError.message });
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section className="norm-evidence" aria-labelledby={`${id}-title`}>
      <h4 className="norm-evidence__title" id={`${id}-title`}>
        {t('selfEvaluation.evidence.title', { code: normCode })}
      </h4>
      {evidence.length === 0 ? (
        <p className="norm-evidence__none">{t('selfEvaluation.evidence.none')}</p>
      ) : (
        <ul className="norm-evidence__list">
          {evidence.map((document) => (
            <li key={document.id} className="norm-evidence__item">
              <a
                href={`/api/v1/documents/${document.id}`}
                download={document.filename}
                aria-label={t('selfEvaluation.evidence.download', { name: document.filename })}
              >
                {document.filename}
              </a>{' '}
              <span className="norm-evidence__size">({formatSize(document.size, language)})</span>
              {!readOnly && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    onRemove(document);
                    setMessage({ tone: 'info', text: t('selfEvaluation.evidence.removed', { name: document.filename }) });
                  }}
                >
                  {t('selfEvaluation.evidence.remove', { name: document.filename })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('selfEvaluation.evidence.add', { code: normCode })}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            className="field__input norm-evidence__input"
            accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
            aria-describedby={`${id}-hint ${id}-message`}
            aria-invalid={message?.tone === 'error' ? true : undefined}
            disabled={uploading !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <p id={`${id}-hint`} className="field__hint">
            {t('selfEvaluation.evidence.hint')}
          </p>
        </div>
      )}
      <div id={`${id}-message`} aria-live="polite">
        {uploading !== null && (
          <p className="norm-evidence__uploading">
            <progress aria-label={t('selfEvaluation.evidence.uploading', { name: uploading })} />{' '}
            {t('selfEvaluation.evidence.uploading', { name: uploading })}
          </p>
        )}
        {message && (
          <p className={message.tone === 'error' ? 'field__error norm-evidence__error' : 'norm-evidence__info'} role={message.tone === 'error' ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
