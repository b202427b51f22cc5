import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * A button whose action asks first, in the page rather than in a pop-up: the question takes
 * focus, with the action and "Cancel" beside it; cancelling (or Escape) puts focus back on the button.
 */
export function ConfirmAction(props: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  danger?: boolean;
  /** More to say or fill in before confirming (a reply, say). */
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        className={props.danger ? 'secondary danger' : 'secondary'}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      // Done: what happened is said by the page (which takes focus), the question goes.
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) cancel();
      }}
    >
      <p id={questionId} ref={question} tabIndex={-1}>
        {props.question}
      </p>
      {props.children}
      <div className="actions">
        <button
          type="button"
          className={props.danger ? 'danger' : undefined}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
