// "Geen verbinding": shown while the browser is offline, on pages that keep edits on this device.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';

export function OfflineNotice() {
  const { t } = useI18n();
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  if (online) return null;
  return (
    <div className="alert alert--info offline-notice" role="status">
      <p className="alert__title">{t('autosave.offlineTitle')}</p>
      <div className="alert__body">{t('autosave.offlineBody')}</div>
    </div>
  );
}
