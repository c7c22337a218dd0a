import type { ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success';

/** A message box. Errors and successes are announced (role="alert" / role="status"). */
export function Alert({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert--${tone}`} role={role}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
