import { useEffect, useRef } from 'react';
import { takeFocusRequest } from '../router.tsx';

/**
 * A page's heading, which is also the window's title. After a move within the area it takes
 * focus, so a screen reader announces the new page and Tab continues from its top.
 */
export function PageHeading({ title }: { title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Greendoor volunteers`;
    if (takeFocusRequest()) heading.current?.focus();
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {title}
    </h1>
  );
}
