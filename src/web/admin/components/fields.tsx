import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

/**
 * Form fields with their label, an optional hint and, when the server named this field, its
 * message (which takes focus: see problems.ts). The input says it is invalid and points at both.
 */
interface Labelled {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | null;
}

function describedBy(id: string, hint: ReactNode, error: string | null | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Notes({ id, hint, error }: Pick<Labelled, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" tabIndex={-1}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type TextProps = Labelled &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
    readonly value: string;
    readonly onValue: (value: string) => void;
  };

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  className,
  ...input
}: TextProps) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Notes id={id} hint={hint} error={error} />
      <input
        type="text"
        {...input}
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

type AreaProps = Labelled &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> & {
    readonly value: string;
    readonly onValue: (value: string) => void;
  };

export function TextArea({ id, label, hint, error, value, onValue, ...area }: AreaProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Notes id={id} hint={hint} error={error} />
      <textarea
        rows={3}
        {...area}
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

type SelectProps = Labelled &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> & {
    readonly value: string;
    readonly onValue: (value: string) => void;
    readonly options: readonly { readonly value: string; readonly label: string }[];
  };

export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onValue,
  options,
  ...select
}: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Notes id={id} hint={hint} error={error} />
      <select
        {...select}
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type CheckProps = Labelled & {
  readonly checked: boolean;
  readonly onChecked: (checked: boolean) => void;
  readonly disabled?: boolean;
};

export function Checkbox({ id, label, hint, error, checked, onChecked, disabled }: CheckProps) {
  return (
    <div className="check">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChecked(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The form's own message, for a problem that names no field of it. */
export function FormError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={`${id}-error`} className="message error" tabIndex={-1}>
      {message}
    </p>
  ) : null;
}
