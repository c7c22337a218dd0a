import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';

type ConfirmBoxProps = {
  id: string;
  warning: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Take keyboard focus when shown (after the button that opened it is gone). */
  focus?: boolean;
};

/**
 * Asks once more before a step that cannot be undone: the calendar feed's link that changes or stops
 * (calendar apps subscribed to it lose it), a certificate reissued or withdrawn.
 */
export function ConfirmBox({ id, warning, confirmLabel, busy, onConfirm, onCancel, focus = false }: ConfirmBoxProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) {
      ref.current?.focus();
    }
  }, [focus]);
  return (
    <div ref={ref} className="alert alert--info" role="group" aria-labelledby={id} tabIndex={focus ? -1 : undefined}>
      <p className="alert__title" id={id}>
        {warning}
      </p>
      <div className="form__actions">
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
