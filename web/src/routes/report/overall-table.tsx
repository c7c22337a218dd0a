// B8's overall table as the server computed it from the verdicts: per rubric the norm numbers per
// verdict, and the totals "42 van de 49". Followed by the same figures as one sentence.
import type { OverallTable as Table } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/nl';
import { normNumbers, OVERALL_COLUMNS, type OverallColumn } from './finding-helpers';

const HEADINGS: Record<OverallColumn, MessageKey> = {
  met: 'overall.met',
  partly: 'overall.partly',
  not_met: 'overall.notMet',
  not_applicable: 'overall.notApplicable',
  not_assessed: 'overall.notAssessed',
};

export function OverallTable({ table, caption }: { table: Table; caption: string }) {
  const { t } = useI18n();
  return (
    <>
      <div className="table-wrap">
        <table className="table table--stack overall-table" data-testid="overall-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overall.rubric')}</th>
              {OVERALL_COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {t(HEADINGS[column])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.rubric}>
                <th scope="row">{row.name}</th>
                {OVERALL_COLUMNS.map((column) => (
                  <td key={column} data-label={t(HEADINGS[column])}>
                    {normNumbers(row[column]) || <span className="muted">–</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('overall.total')}</th>
              {OVERALL_COLUMNS.map((column) => (
                <td key={column} data-label={t(HEADINGS[column])}>
                  {t('overall.count', { count: table.totals[column], total: table.norm_count })}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="overall-summary" data-testid="overall-summary">
        {t('overall.summary', {
          met: table.totals.met,
          partly: table.totals.partly,
          notMet: table.totals.not_met,
          notApplicable: table.totals.not_applicable,
          notAssessed: table.totals.not_assessed,
          total: table.norm_count,
        })}
      </p>
    </>
  );
}
