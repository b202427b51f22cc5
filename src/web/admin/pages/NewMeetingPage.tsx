import { type FormEvent, useState } from 'react';
import { api } from '../api-client.ts';
import { FormError, SelectField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { MeetingFieldset, PREFIX } from '../meeting/MeetingFieldset.tsx';
import { badCoordinate, emptyForm, formFields, newMeetingWrite } from '../meeting/meeting-form.ts';
import { usePlaceFinder } from '../meeting/use-place-finder.tsx';
import { useTypes } from '../meeting/use-types.ts';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { bodiesWhere } from '../permissions.ts';
import { useProblem } from '../problems.ts';
import { Link, navigate } from '../router.tsx';
import { href } from '../routes.ts';
import { useSession } from '../session.tsx';
import { nameIn } from '../format.ts';

/**
 * A meeting the directory does not list yet, in one of the service bodies the person keeps
 * meetings for. Its web address comes from its name.
 */
export function NewMeetingPage() {
  const { me, bodies, config } = useSession();
  const types = useTypes();
  const mine = bodiesWhere(me, 'edit_listings', bodies);
  const [bodyId, setBodyId] = useState(() => String(mine[0]?.id ?? ''));
  const [form, setForm] = useState(emptyForm);
  const [busy, setBusy] = useState(false);
  const problems = useProblem(PREFIX, formFields);
  useUnsavedWarning(form !== emptyForm);
  const placeFinder = usePlaceFinder({
    form,
    onForm: setForm,
    baseline: emptyForm,
    savedZone: null,
    zoneAt: async (latitude, longitude) => {
      if (!bodyId || !form.text.name.trim()) return null;
      const answer = await api.preview({
        ...newMeetingWrite(form, Number(bodyId)),
        latitude,
        longitude,
      });
      return typeof answer.fields.timezone === 'string' ? answer.fields.timezone : null;
    },
  });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const bad = badCoordinate(form);
    if (bad) {
      problems.show({ field: bad, message: 'Give a number, such as 51.5074 (or leave it empty).' });
      return;
    }
    if (!bodyId) {
      problems.show({
        field: 'service_body_id',
        message: 'Choose the service body that keeps it.',
      });
      return;
    }
    setBusy(true);
    try {
      const created = await api.createMeeting(newMeetingWrite(form, Number(bodyId)));
      navigate(href.meeting(created.slug), {
        replace: true,
        flash: `Added “${nameIn(created.fields, created.slug)}”${created.published ? ': the directory shows it now.' : ', not shown in the directory yet.'}`,
      });
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (mine.length === 0) {
    return (
      <>
        <PageHeading title="Add a meeting" />
        <p className="message info">
          {me.is_admin ? (
            <>
              A meeting is kept by a service body, and there is none yet: add one under{' '}
              <Link href={href.bodies}>Service bodies</Link>, then its meetings here.
            </>
          ) : (
            'None of your roles lets you add meetings: ask an administrator of your service body.'
          )}
        </p>
        <p>
          <Link href={href.meetings}>Back to my meetings</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title="Add a meeting" />
      {!types ? (
        <p className="status" role="status">
          Loading…
        </p>
      ) : (
        <form className="stack editor" onSubmit={(e) => void create(e)} noValidate>
          <FormError id={PREFIX} message={problems.general} />
          <SelectField
            id={`${PREFIX}-service_body_id`}
            label="Kept by"
            hint="The service body that answers for this meeting."
            value={bodyId}
            onValue={setBodyId}
            options={mine.map((b) => ({ value: String(b.id), label: b.name }))}
            error={problems.errorFor('service_body_id')}
          />
          <MeetingFieldset
            form={form}
            onForm={setForm}
            types={types}
            errorFor={problems.errorFor}
            tiles={config.tiles}
            place={placeFinder.place}
            onFindAddress={placeFinder.onFindAddress}
            finding={placeFinder.finding}
          />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Adding…' : 'Add the meeting'}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
