import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A message that takes focus when it appears or changes (a form's error, "Saved"), so it is
 * read out at once and Tab goes on from it. `kind` gives it its colour and, for people who do
 * not see colour, its first word is the message's own.
 */
export function FocusMessage(props: {
  id?: string;
  kind: 'error' | 'done' | 'info';
  /** Changes when the message is said again, or anew (focus moves to it each time). */
  nonce?: unknown;
  children: ReactNode;
}) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    element.current?.focus();
  }, [props.nonce]);
  return (
    <p ref={element} id={props.id} tabIndex={-1} className={`message ${props.kind}`}>
      {props.children}
    </p>
  );
}
