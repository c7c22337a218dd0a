// The member's certificate on "Onze organisatie" (issue 11): the newest certificate of the member's
// trajectories (its own, or the earlier one a re-certification renews), shown with its live status,
// the PDF, the logo rules and the history of the member's certificates. The server has no list of
// a member's certificates yet; the public verification of one number carries the whole history.
import { useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { EmptyState } from '../../components/common/empty-state';
import { Loading } from '../../components/common/loading';
import { useI18n } from '../../i18n/i18n-context';
import { CertificateCard } from './certificate-card';

type State = { status: 'loading' } | { status: 'none' } | { status: 'ready'; number: string };

export function MemberCertificate() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/trajectories'))
      .then(async (list) => {
        const numbers = list.trajectories.flatMap((tr) => [tr.certificate?.number, tr.previous_certificate?.number]).filter((n): n is string => !!n);
        if (numbers.length === 0) return { status: 'none' } as State;
        // Any of them gives the member's history, newest first: show the newest.
        const one = await unwrap(api.GET('/api/v1/register/certificates/{number}', { params: { path: { number: numbers[0] } } }));
        return { status: 'ready', number: one.history[0]?.number ?? one.number } as State;
      })
      .catch(() => ({ status: 'none' }) as State)
      .then((next) => !cancelled && setState(next));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section className="member-certificate" aria-label={t('certificate.organisationTitle')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'none' && (
        <div className="card">
          <h2>{t('certificate.organisationTitle')}</h2>
          <EmptyState title={t('certificate.noneTitle')}>
            <p>{t('certificate.noneBody')}</p>
          </EmptyState>
        </div>
      )}
      {state.status === 'ready' && <CertificateCard number={state.number} showHistory />}
    </section>
  );
}
