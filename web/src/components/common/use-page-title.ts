import { useEffect } from 'react';

/** Sets the document title as "<page> – Sterklabel". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Sterklabel`;
  }, [title]);
}
