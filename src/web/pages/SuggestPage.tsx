import { type FormEvent, useState } from 'react';
import { Chrome } from '../components/Chrome.tsx';
import { useTranslate } from '../i18n/translate.ts';
import type { SuggestModel } from '../page-model.ts';
import { proveWork } from '../proof-of-work.ts';

/**
 * "Suggest a meeting": for a meeting the directory does not list. Only the name is needed; the
 * volunteers who keep the listings check the rest with the group before it is published. A
 * plain form: it works the same with JavaScript off.
 */
export function SuggestPage({ model }: { model: SuggestModel }) {
  const t = useTranslate();
  const langQuery = model.locale === 'en' ? '' : `?lang=${model.locale}`;
  const value = (name: string) => model.values[name] ?? '';
  const [busy, setBusy] = useState(false);

  // With script, the form carries a proof of work, so it goes straight to the volunteers'
  // queue; without, it is sent as it is and waits apart (see proof-of-work.ts).
  async function submit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    if (form.dataset.proven === 'yes') return;
    event.preventDefault();
    setBusy(true);
    const proof = await proveWork();
    if (proof) {
      (form.elements.namedItem('proof_challenge') as HTMLInputElement).value = proof.challenge;
      (form.elements.namedItem('proof_nonce') as HTMLInputElement).value = proof.nonce;
    }
    form.dataset.proven = 'yes';
    form.requestSubmit();
  }
  return (
    <Chrome t={t} locale={model.locale} path={model.path} demo={model.demo} current={null}>
      <h1>{t('suggestTitle')}</h1>
      {model.sent ? (
        <>
          <p role="status">{t('suggestThanks')}</p>
          <p>
            <a href={model.locale === 'en' ? '/' : `/?lang=${model.locale}`}>{t('backToFinder')}</a>
          </p>
        </>
      ) : (
        <form
          className="suggest"
          method="post"
          action={`/suggest${langQuery}`}
          onSubmit={(e) => void submit(e)}
        >
          <input type="hidden" name="proof_challenge" defaultValue="" />
          <input type="hidden" name="proof_nonce" defaultValue="" />
          <p>{t('suggestIntro')}</p>
          <div className="field">
            <label htmlFor="suggest-name">{t('suggestName')}</label>
            <input
              id="suggest-name"
              name="name"
              type="text"
              required
              maxLength={200}
              defaultValue={value('name')}
            />
          </div>
          <div className="field">
            <label htmlFor="suggest-fellowship">{t('fellowshipLabel')}</label>
            <select id="suggest-fellowship" name="fellowship" defaultValue={value('fellowship')}>
              <option value="">{t('suggestNotSure')}</option>
              {model.fellowships.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="suggest-day">{t('dayLabel')}</label>
            <select id="suggest-day" name="day" defaultValue={value('day')}>
              <option value="">{t('suggestNotSure')}</option>
              {model.days.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="suggest-time">{t('suggestTime')}</label>
            <input
              id="suggest-time"
              name="time"
              type="time"
              defaultValue={value('time')}
              aria-describedby="suggest-time-hint"
            />
            <p id="suggest-time-hint" className="hint">
              {t('suggestTimeHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="suggest-address">{t('suggestAddress')}</label>
            <input
              id="suggest-address"
              name="formatted_address"
              type="text"
              autoComplete="street-address"
              maxLength={300}
              defaultValue={value('formatted_address')}
            />
          </div>
          <div className="field">
            <label htmlFor="suggest-link">{t('suggestLink')}</label>
            <input
              id="suggest-link"
              name="conference_url"
              type="url"
              inputMode="url"
              maxLength={2000}
              defaultValue={value('conference_url')}
            />
          </div>
          <div className="field">
            <label htmlFor="suggest-message">{t('suggestDetails')}</label>
            <textarea
              id="suggest-message"
              name="message"
              maxLength={5000}
              rows={4}
              defaultValue={value('message')}
            />
          </div>
          <div className="field">
            <label htmlFor="suggest-email">{t('reportEmail')}</label>
            <input
              id="suggest-email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={value('email')}
            />
          </div>
          {/* A field people never see; bots fill it in. */}
          <div className="trap" aria-hidden="true">
            <label htmlFor="suggest-website">Website</label>
            <input
              id="suggest-website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
            />
          </div>
          {model.error ? (
            <p className="error" role="alert">
              {model.error}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {t('suggestSend')}
          </button>
        </form>
      )}
    </Chrome>
  );
}
