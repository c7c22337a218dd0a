// The register's public key (GET /api/v1/register/public-key): loaded once per page, shown with what
// it is for on the register page, and used by the verification page to check a QR code's signature.
import { useEffect, useState } from 'react';
import { unwrap } from '../../api/api-error';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';

export type PublicKeyState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; key: string };

export function usePublicKey(): PublicKeyState {
  const [state, setState] = useState<PublicKeyState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    unwrap(api.GET('/api/v1/register/public-key'))
      .then((answer) => !cancelled && setState({ status: 'ready', key: answer.public_key }))
      .catch(() => !cancelled && setState({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

export function PublicKeyBox() {
  const { t } = useI18n();
  const key = usePublicKey();
  return (
    <section className="card register__key" aria-labelledby="sleutel-titel">
      <h2 id="sleutel-titel">{t('register.keyTitle')}</h2>
      <p>{t('register.keyBody')}</p>
      {key.status === 'error' && <p className="field__error">{t('register.keyError')}</p>}
      {key.status === 'ready' && (
        <dl className="facts">
          <div>
            <dt>{t('register.keyLabel')}</dt>
            <dd>
              <code className="register__key-value" data-testid="register-public-key">
                {key.key}
              </code>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
