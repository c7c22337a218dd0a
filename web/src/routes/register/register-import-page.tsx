// "/register/importeren", the secretariat loads the register kept before this system (issue 11,
// item 5; POST /api/v1/register/import). Choose a CSV file, "Controleren" sends it as a dry run: the
// server answers with what it would do, or with every problem (a table: regel, veld, melding).
// "Importeren" appears only after a check without problems of the same file; the server checks
// everything again and writes all or nothing.
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { Alert } from '../../components/common/alert';
import { usePageTitle } from '../../components/common/use-page-title';
import { useI18n } from '../../i18n/i18n-context';
import { handleError } from '../../utils/handle-error';
import { decodeCsv, importProblems, type ImportProblem, type ImportSummary } from './register-import-helpers';

const COLUMNS = 'lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt';

type Outcome =
  | { kind: 'problems'; file: string; problems: ImportProblem[] }
  | { kind: 'checked'; file: string; summary: ImportSummary }
  | { kind: 'imported'; file: string; summary: ImportSummary }
  | { kind: 'error'; message: string };

export function RegisterImportPage() {
  const { t, language } = useI18n();
  usePageTitle(t('registerImport.title'));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);

  async function send(mode: 'check' | 'import') {
    if (!file) {
      setOutcome({ kind: 'error', message: t('registerImport.chooseFile') });
      setAttempt((a) => a + 1);
      fileRef.current?.focus();
      return;
    }
    setBusy(mode);
    setOutcome(null);
    try {
      const csv = decodeCsv(await file.arrayBuffer());
      if (csv === null) {
        setOutcome({ kind: 'error', message: t('registerImport.notUtf8') });
        return;
      }
      const summary = await unwrap(
        api.POST('/api/v1/register/import', { params: { query: mode === 'check' ? { dry_run: true } : {} }, body: { csv } }),
      );
      setOutcome({ kind: mode === 'check' ? 'checked' : 'imported', file: file.name, summary });
    } catch (error) {
      const problems = importProblems(error);
      if (problems) {
        setOutcome({ kind: 'problems', file: file.name, problems });
        return;
      }
      const uiError = handleError(error, { t, language });
      if (uiError) setOutcome({ kind: 'error', message: uiError.message });
    } finally {
      setBusy(null);
      setAttempt((a) => a + 1);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send('check');
  }

  const problemsTitle =
    outcome?.kind === 'problems'
      ? outcome.problems.length === 1
        ? t('registerImport.problems.one', { file: outcome.file })
        : t('registerImport.problems.other', { count: outcome.problems.length, file: outcome.file })
      : '';

  return (
    <div className="register-import">
      <p className="trajectory__back">
        <Link to="/register">{t('registerImport.back')}</Link>
      </p>
      <div className="page-heading">
        <p className="page-heading__eyebrow">{t('register.title')}</p>
        <h1 tabIndex={-1}>{t('registerImport.title')}</h1>
        <p className="lead">{t('registerImport.lead')}</p>
      </div>

      <section className="card" aria-labelledby="import-bestand-titel">
        <h2 id="import-bestand-titel">{t('registerImport.formatTitle')}</h2>
        <p>{t('registerImport.formatBody')}</p>
        <p>
          <code className="register-import__columns">{COLUMNS}</code>
        </p>
        <p>{t('registerImport.formatDates')}</p>
        <p>{t('registerImport.matching')}</p>

        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="import-bestand">
              {t('registerImport.file')}
            </label>
            <p className="field__hint" id="import-bestand-hint">
              {t('registerImport.fileHint')}
            </p>
            <input
              ref={fileRef}
              id="import-bestand"
              type="file"
              className="field__input"
              accept=".csv,text/csv"
              aria-describedby="import-bestand-hint"
              disabled={busy !== null}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setOutcome(null);
              }}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy !== null}>
              {busy === 'check' ? t('registerImport.checking') : t('registerImport.check')}
            </button>
            {outcome?.kind === 'checked' && outcome.summary.certificates_imported > 0 && (
              <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void send('import')}>
                {busy === 'import' ? t('registerImport.importing') : t('registerImport.import')}
              </button>
            )}
          </div>
        </form>
      </section>

      <div className="register-import__outcome">
        {outcome?.kind === 'error' && (
          <Alert key={attempt} tone="error" title={t('registerImport.failed')} focus>
            {outcome.message}
          </Alert>
        )}
        {outcome?.kind === 'problems' && (
          <section className="card register-import__problems" aria-label={problemsTitle}>
            <Alert key={attempt} tone="error" title={problemsTitle} focus>
              {t('registerImport.problemsBody')}
            </Alert>
            <div className="table-wrap">
              <table className="table table--stack">
                <caption>{problemsTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registerImport.colLine')}</th>
                    <th scope="col">{t('registerImport.colField')}</th>
                    <th scope="col">{t('registerImport.colMessage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.problems.map((p, i) => (
                    <tr key={`${p.line}-${p.field}-${i}`} data-testid="import-problem">
                      <th scope="row">{p.line}</th>
                      <td data-label={t('registerImport.colField')}>{p.field || t('registerImport.wholeRow')}</td>
                      <td data-label={t('registerImport.colMessage')}>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        {(outcome?.kind === 'checked' || outcome?.kind === 'imported') && (
          <section className="card" aria-label={t('registerImport.summaryCaption')}>
            {outcome.kind === 'checked' ? (
              <Alert key={attempt} tone="info" title={t('registerImport.checkedTitle', { file: outcome.file })} focus>
                {outcome.summary.certificates_imported > 0 ? t('registerImport.checkedBody') : t('registerImport.nothingNew')}
              </Alert>
            ) : (
              <Alert key={attempt} tone="success" title={t('registerImport.importedTitle')} focus>
                <p>{t('registerImport.importedBody')}</p>
                <p>
                  <Link to="/register">{t('registerImport.toRegister')}</Link>
                </p>
              </Alert>
            )}
            <SummaryTable summary={outcome.summary} imported={outcome.kind === 'imported'} />
          </section>
        )}
      </div>
    </div>
  );
}

function SummaryTable({ summary, imported }: { summary: ImportSummary; imported: boolean }) {
  const { t } = useI18n();
  const rows: [string, number][] = [
    [t('registerImport.rows'), summary.rows],
    [t('registerImport.membersCreated'), summary.members_created],
    [t('registerImport.membersMatched'), summary.members_matched],
    [imported ? t('registerImport.certificatesImported') : t('registerImport.certificatesToImport'), summary.certificates_imported],
    [t('registerImport.certificatesPresent'), summary.certificates_present],
    [t('registerImport.certificatesLapsed'), summary.certificates_lapsed],
  ];
  return (
    <table className="table register-import__summary" data-testid="import-summary">
      <caption>{t('registerImport.summaryCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('registerImport.what')}</th>
          <th scope="col">{t('registerImport.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, count]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
