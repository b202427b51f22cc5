import { type FormEvent, type ReactNode, useState } from 'react';
import type { ApiError } from '../api-client.ts';
import { type Problem, problemOf, type useProblem } from '../problems.ts';
import { Link } from '../router.tsx';
import { PageHeading } from './PageHeading.tsx';

/** What the place, group and service-body editors share: one flow from form to API. */

/** How an editor's form is used: to save a change to one, or to add a new one. */
export interface EditorProps<W> {
  /** What to say once saved (null: not saved yet). */
  readonly saved: string | null;
  readonly submit: { readonly label: string; readonly busy: string };
  readonly onSubmit: (write: W) => Promise<void>;
  /** A new one: everything filled in is sent, and nothing filled in is the server's to refuse. */
  readonly creating?: boolean;
  /** Fields before the form's own (who keeps a new one, say). */
  readonly before?: ReactNode;
}

/**
 * Submitting an editor's form: the form's own check first (a problem beside its field), then
 * "nothing has changed" for an edit, then the API, whose refusal is shown where it points.
 */
export function useEditorSubmit<W>(args: {
  props: EditorProps<W>;
  write: W;
  dirty: boolean;
  problems: ReturnType<typeof useProblem>;
  check?: () => Problem | null;
}) {
  const [busy, setBusy] = useState(false);
  const { props, write, dirty, problems } = args;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = args.check?.() ?? null;
    if (problem) {
      problems.show(problem);
      return;
    }
    if (!dirty && !props.creating) {
      problems.show({ field: null, message: 'Nothing has changed yet: there is nothing to save.' });
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(write);
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit: (event: FormEvent) => void submit(event) };
}

/** The editor's sticky footer: whether there is anything unsaved, and the button. */
export function FormActions(props: {
  dirty: boolean;
  busy: boolean;
  submit: EditorProps<unknown>['submit'];
}) {
  return (
    <div className="form-actions">
      <span className="dirty" aria-live="polite">
        {props.dirty ? 'Changes not saved yet' : ''}
      </span>
      <button type="submit" disabled={props.busy}>
        {props.busy ? props.submit.busy : props.submit.label}
      </button>
    </div>
  );
}

/** An editor's page before its thing has loaded, or when there is no such thing. */
export function NotLoaded(props: {
  error: ApiError | null;
  /** What it is, such as "place". */
  what: string;
  back: { href: string; label: string };
}) {
  if (props.error) {
    const title = `${props.what[0]?.toUpperCase() ?? ''}${props.what.slice(1)} not found`;
    return (
      <>
        <PageHeading title={title} />
        <p className="message error">{problemOf(props.error).message}</p>
        <p>
          <Link href={props.back.href}>{props.back.label}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Edit a ${props.what}`} />
      <p className="status" role="status">
        Loading the {props.what}…
      </p>
    </>
  );
}
