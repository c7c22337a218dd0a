import type { ReactNode } from 'react';

type Icon = 'done' | 'search';

/** A calm "nothing here" block: an icon, a title, an explanation and optional actions. */
export function EmptyState({
  title,
  icon = 'done',
  children,
  actions,
}: {
  title: string;
  icon?: Icon;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        {icon === 'done' ? (
          <>
            <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <path d="M15 25l6 6 12-13" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </>
        ) : (
          <>
            <circle cx="21" cy="21" r="13" fill="none" stroke="currentColor" strokeWidth="3" />
            <path d="M31 31l11 11" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" />
          </>
        )}
      </svg>
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__body">{children}</div>}
      {actions && <div className="empty-state__actions">{actions}</div>}
    </div>
  );
}
