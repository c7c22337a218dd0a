import { useEffect, useRef, type ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success';

/**
 * A message box. Errors and successes are announced (role="alert" / role="status").
 * `focus`: take keyboard focus when shown (after a failed submit, so focus does not fall back to
 * the page); give the Alert a new key per attempt to take it again.
 */
export function Alert({
  tone,
  title,
  children,
  focus = false,
}: {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  focus?: boolean;
}) {
  const role = tone === 'error' ? 'alert' : 'status';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) {
      ref.current?.focus();
    }
  }, [focus]);
  return (
    <div ref={ref} className={`alert alert--${tone}`} role={role} tabIndex={focus ? -1 : undefined}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
