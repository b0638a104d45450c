import { ReactNode, useEffect } from 'react';

/** The page's one h1, also the document title (what a screen reader announces on navigation). */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Coalition`;
  }, [title]);
  return <h1 className="margin-top-2">{children}</h1>;
}
