import { type FormEvent, useState } from 'react';
import { formFields, useBrowserZone, useHydrated } from '../client-state.ts';
import { Chrome } from '../components/Chrome.tsx';
import { formProblemKey } from '../form-problems.ts';
import { formatClock, formatDateTime, formatDay, formatTime, zoneLabel } from '../format.ts';
import { useTranslate } from '../i18n/translate.ts';
import type { MeetingModel } from '../page-model.ts';
import { proveWork } from '../proof-of-work.ts';

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+,*#;]/g, '')}`;
}

/**
 * One meeting: when and where, how to join, what kind it is, the group, and ways to act on it
 * (calendar, share, report). Everything is in the server's HTML; scripts only improve sharing
 * and sending a report.
 */
export function MeetingPage({ model }: { model: MeetingModel }) {
  const t = useTranslate();
  const m = model.meeting;
  const langQuery = model.locale === 'en' ? '' : `?lang=${model.locale}`;
  const viewerZone = useBrowserZone();
  const canShare = useHydrated();
  const [shared, setShared] = useState(false);
  const [report, setReport] = useState<{ sent: boolean; error: string | null; busy: boolean }>({
    sent: model.reported,
    error: model.reportError,
    busy: false,
  });

  async function share() {
    const url = window.location.href.split('?')[0] ?? window.location.href;
    if (typeof navigator.share === 'function') {
      await navigator.share({ title: m.name, url }).catch(() => undefined);
      return;
    }
    await navigator.clipboard.writeText(url);
    setShared(true);
  }

  async function sendReport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = formFields(event.currentTarget);
    setReport({ sent: false, error: null, busy: true });
    const proof = await proveWork();
    const body = {
      meeting: m.slug,
      message: fields.message ?? '',
      ...(fields.email ? { email: fields.email } : {}),
      ...(fields.website ? { website: fields.website } : {}),
      ...(proof ? { proof } : {}),
    };
    try {
      const response = await fetch('/api/v1/change-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { message?: string; field?: string };
      if (!response.ok) {
        // Too many reports from here (429) has no field: the general words say to try later.
        throw new Error(
          t(response.status === 429 ? 'tooManyReports' : formProblemKey(answer.field)),
        );
      }
      setReport({ sent: true, error: null, busy: false });
    } catch (e) {
      setReport({
        sent: false,
        error: t('reportFailed', { reason: e instanceof Error ? e.message : '' }),
        busy: false,
      });
    }
  }

  const next = m.nextStart;
  const address = m.location?.address ?? null;
  const physical = m.location && !m.location.approximate;
  const hasPoint = m.location?.latitude != null && m.location.longitude != null;
  return (
    <Chrome t={t} locale={model.locale} path={model.path} demo={model.demo} current={null}>
      <article className="meeting-page">
        <h1>{m.name}</h1>
        <p className="meta">
          <span>{m.fellowship}</span> · <span>{t(`attendance_${m.attendance}`)}</span>
        </p>

        <section aria-labelledby="when">
          <h2 id="when">{t('when')}</h2>
          <p>
            {m.recurrence}
            {m.time ? (
              <>
                {', '}
                <strong>
                  {formatClock(m.time, model.locale)}
                  {m.endTime ? `–${formatClock(m.endTime, model.locale)}` : ''}
                </strong>
              </>
            ) : null}
          </p>
          <p className="hint">{t('meetingTimeZone', { zone: zoneLabel(m.timezone) })}</p>
          {next !== null ? (
            <p>
              <time dateTime={new Date(next).toISOString()}>
                {t('nextMeeting', { when: formatDateTime(next, m.timezone, model.locale) })}
              </time>
              {viewerZone &&
              viewerZone !== m.timezone &&
              formatTime(next, viewerZone, model.locale) !==
                formatTime(next, m.timezone, model.locale) ? (
                <span>
                  {' '}
                  — {t('yourTime', { time: formatDateTime(next, viewerZone, model.locale) })}
                </span>
              ) : null}
            </p>
          ) : null}
          <p>
            <a href={`/meetings/${encodeURIComponent(m.slug)}.ics`} download>
              {t('addToCalendar')}
            </a>
          </p>
        </section>

        {m.location && (physical || address) ? (
          <section aria-labelledby="where">
            <h2 id="where">{t('where')}</h2>
            <address>
              {m.location.name ? (
                <>
                  {m.location.name}
                  <br />
                </>
              ) : null}
              {address}
            </address>
            {m.location.notes ? <p>{m.location.notes}</p> : null}
            {physical && hasPoint ? (
              <p className="links">
                <a
                  href={`https://www.openstreetmap.org/directions?to=${m.location.latitude}%2C${m.location.longitude}`}
                  rel="noreferrer noopener"
                >
                  {t('directions')}
                </a>
                {' · '}
                <a href={`geo:${m.location.latitude},${m.location.longitude}`}>{t('openInMaps')}</a>
              </p>
            ) : null}
          </section>
        ) : null}

        {m.conference ? (
          <section aria-labelledby="join">
            <h2 id="join">{t('howToJoin')}</h2>
            {m.conference.url ? (
              <p>
                <a className="button" href={m.conference.url} rel="noreferrer noopener">
                  {t('joinOnline')}
                </a>
                {m.conference.urlNotes ? (
                  <span className="notes"> {m.conference.urlNotes}</span>
                ) : null}
              </p>
            ) : null}
            {m.conference.phone ? (
              <p>
                <a href={telHref(m.conference.phone)}>{t('joinByPhone')}</a>: {m.conference.phone}
                {m.conference.phoneNotes ? (
                  <span className="notes"> {m.conference.phoneNotes}</span>
                ) : null}
              </p>
            ) : null}
          </section>
        ) : null}

        {m.types.length > 0 ? (
          <section aria-labelledby="types">
            <h2 id="types">{t('types')}</h2>
            <dl className="type-list">
              {m.types.map((type) => (
                <div key={type.code}>
                  <dt>{type.name}</dt>
                  {type.description ? <dd>{type.description}</dd> : null}
                </div>
              ))}
            </dl>
          </section>
        ) : null}

        {m.notes ? (
          <section aria-labelledby="notes">
            <h2 id="notes">{t('notes')}</h2>
            <p className="pre">{m.notes}</p>
          </section>
        ) : null}

        {m.group ? (
          <section aria-labelledby="group">
            <h2 id="group">{m.group.name ?? t('group')}</h2>
            {m.group.notes ? <p className="pre">{m.group.notes}</p> : null}
            {m.group.website ? (
              <p>
                <a href={m.group.website} rel="noreferrer noopener">
                  {t('website')}
                </a>
              </p>
            ) : null}
            {m.group.contacts.length > 0 ? (
              <ul className="contacts" aria-label={t('contact')}>
                {m.group.contacts.map((c, i) => (
                  <li key={i}>
                    {c.name}
                    {c.phone ? (
                      <>
                        {' '}
                        <a href={telHref(c.phone)}>{c.phone}</a>
                      </>
                    ) : null}
                    {c.email ? (
                      <>
                        {' '}
                        <a href={`mailto:${c.email}`}>{c.email}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {m.group.contributions.length > 0 ? (
              <>
                <h3>{t('contributions')}</h3>
                <p className="hint">{t('contributionsHint')}</p>
                <ul className="links">
                  {m.group.contributions.map((c) => (
                    <li key={c.href}>
                      <a href={c.href} rel="noreferrer noopener">
                        {c.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}

        {model.atSamePlace.length > 0 ? (
          <section aria-labelledby="same-place">
            <h2 id="same-place">{t('atSamePlace')}</h2>
            <ul>
              {model.atSamePlace.map((o) => (
                <li key={o.slug}>
                  <a href={`/meetings/${encodeURIComponent(o.slug)}${langQuery}`}>{o.name}</a> —{' '}
                  {o.recurrence}
                  {o.time ? `, ${formatClock(o.time, model.locale)}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="actions" className="actions">
          <h2 id="actions" className="visually-hidden">
            {t('share')}
          </h2>
          {canShare ? (
            <button type="button" className="secondary" onClick={() => void share()}>
              {t('share')}
            </button>
          ) : null}
          {shared ? <span role="status"> {t('shareCopied')}</span> : null}
          {m.serviceBody ? (
            <p className="hint">{t('serviceBody', { name: m.serviceBody })}</p>
          ) : null}
          {m.updated ? (
            <p className="hint">{t('updated', { date: formatDay(m.updated, model.locale) })}</p>
          ) : null}
        </section>

        <section aria-labelledby="report" className="report">
          <h2 id="report">{t('reportProblem')}</h2>
          {report.sent ? (
            <p role="status">{t('reportThanks')}</p>
          ) : (
            <form
              method="post"
              action={`/meetings/${encodeURIComponent(m.slug)}/report${langQuery}`}
              onSubmit={(e) => void sendReport(e)}
            >
              <p>{t('reportIntro')}</p>
              <div className="field">
                <label htmlFor="report-message">{t('reportMessage')}</label>
                <textarea id="report-message" name="message" required maxLength={5000} rows={4} />
              </div>
              <div className="field">
                <label htmlFor="report-email">{t('reportEmail')}</label>
                <input id="report-email" name="email" type="email" autoComplete="email" />
              </div>
              {/* A field people never see; bots fill it in. */}
              <div className="trap" aria-hidden="true">
                <label htmlFor="report-website">Website</label>
                <input
                  id="report-website"
                  name="website"
                  type="text"
                  tabIndex={-1}
                  autoComplete="off"
                />
              </div>
              {report.error ? (
                <p className="error" role="alert">
                  {report.error}
                </p>
              ) : null}
              <button type="submit" disabled={report.busy}>
                {t('reportSend')}
              </button>
            </form>
          )}
        </section>
      </article>
    </Chrome>
  );
}
