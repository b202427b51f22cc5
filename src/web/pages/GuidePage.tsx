import type { Locale } from '../../domain/vocabulary/locales.ts';
import { Chrome } from '../components/Chrome.tsx';
import { finderHref } from '../finder-params.ts';
import type { GuideContent, GuideKind } from '../guide/guide-content.ts';
import { guideEn } from '../guide/guide.en.ts';
import { guideEs } from '../guide/guide.es.ts';
import { guideFr } from '../guide/guide.fr.ts';
import { useTranslate } from '../i18n/translate.ts';
import type { GuideModel } from '../page-model.ts';

const guides: Record<Locale, GuideContent> = { en: guideEn, es: guideEs, fr: guideFr };

/** For someone who has never been: what a meeting is, and the kinds side by side. */
export function GuidePage({ model }: { model: GuideModel }) {
  const t = useTranslate();
  const g = guides[model.locale];
  const lang = model.locale === 'en' ? undefined : model.locale;
  return (
    <Chrome t={t} locale={model.locale} path={model.path} demo={model.demo} current="guide">
      <article className="guide">
        <h1>{g.title}</h1>
        {g.intro.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <h2>{g.whatHappens.heading}</h2>
        {g.whatHappens.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <h2>{g.kindsHeading}</h2>
        <p>{g.kindsIntro}</p>
        <div className="kinds">
          {model.kinds.map(({ kind, fellowships }) => {
            const text = g.kinds[kind as GuideKind];
            const listed = fellowships.filter((f) => f.meetings > 0);
            return (
              <section key={kind} className="kind" aria-labelledby={`kind-${kind}`}>
                <h3 id={`kind-${kind}`}>{text.heading}</h3>
                <p>{text.text}</p>
                {fellowships.length > 0 ? (
                  <>
                    <p className="hint">{t('fellowshipsOfKind')}</p>
                    <dl className="fellowships">
                      {fellowships.map((f) => (
                        <div key={f.id}>
                          <dt>
                            {f.meetings > 0 ? (
                              <a href={finderHref({ fellowship: f.id, lang })}>{f.name}</a>
                            ) : (
                              f.name
                            )}
                          </dt>
                          <dd>{f.description}</dd>
                        </div>
                      ))}
                    </dl>
                  </>
                ) : null}
                {listed.length > 0 ? (
                  <p>
                    <a
                      className="button"
                      href={finderHref({ fellowship: listed.map((f) => f.id).join(','), lang })}
                    >
                      {t('findThese', { kind: text.heading })}
                    </a>
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
        {g.sections.map((s) => (
          <section key={s.heading}>
            <h2>{s.heading}</h2>
            {s.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </section>
        ))}
        <p className="closing">
          <strong>{g.closing}</strong>
        </p>
      </article>
    </Chrome>
  );
}
