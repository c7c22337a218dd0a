import type { Norm } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { Highlighted } from './highlighted';

const GUIDANCE_LEAD = /^kan blijken uit\s*/i;

interface NormCardProps {
  norm: Norm;
  terms: string[];
  openQuestions: boolean;
  openEvidence: boolean;
}

/** One norm: code, text, "Kan blijken uit", auditor questions and evidence examples (all Dutch). */
export function NormCard({ norm, terms, openQuestions, openEvidence }: NormCardProps) {
  const { t, language } = useI18n();
  const headingId = `norm-${norm.code}`;
  const leadMatch = GUIDANCE_LEAD.exec(norm.guidance);
  const guidanceRest = leadMatch ? norm.guidance.slice(leadMatch[0].length) : norm.guidance;
  // Open the details when the search found something inside them (key forces the new default).
  const searchKey = terms.join(' ');

  return (
    <article className="norm" aria-labelledby={headingId} lang="nl">
      <header className="norm__header">
        <h3 className="norm__code" id={headingId}>
          <Highlighted text={norm.code} terms={terms} />
        </h3>
        {norm.applicability === 'where-relevant' && (
          <span className="badge" lang={language}>
            {t('framework.whereRelevant')}
          </span>
        )}
      </header>
      <p className="norm__text">
        <Highlighted text={norm.text} terms={terms} />
      </p>
      {norm.guidance && (
        <div className="norm__guidance">
          <p>
            <strong className="norm__guidance-lead">Kan blijken uit</strong>{' '}
            {leadMatch ? (
              <Highlighted text={guidanceRest} terms={terms} />
            ) : (
              <>
                <br />
                <Highlighted text={norm.guidance} terms={terms} />
              </>
            )}
          </p>
        </div>
      )}
      <div className="norm__more">
        {norm.questions.length > 0 && (
          <details className="disclosure" key={`q-${searchKey}`} open={openQuestions}>
            <summary lang={language}>{t('framework.questions', { count: norm.questions.length })}</summary>
            <ul>
              {norm.questions.map((question, index) => (
                <li key={index}>
                  <Highlighted text={question} terms={terms} />
                </li>
              ))}
            </ul>
          </details>
        )}
        {norm.evidence.length > 0 && (
          <details className="disclosure" key={`e-${searchKey}`} open={openEvidence}>
            <summary lang={language}>{t('framework.evidence', { count: norm.evidence.length })}</summary>
            <ul>
              {norm.evidence.map((item, index) => (
                <li key={index}>
                  <Highlighted text={item} terms={terms} />
                </li>
              ))}
            </ul>
          </details>
        )}
        {norm.questions.length === 0 && norm.evidence.length === 0 && (
          <p className="muted" lang={language}>
            {t('framework.noQuestions')}
          </p>
        )}
      </div>
    </article>
  );
}
