import type { ReactNode } from 'react';
import { type Locale, locales } from '../../domain/vocabulary/locales.ts';
import { type Translate, localeNames } from '../i18n/translate.ts';

/** The path with `lang` set, so the switcher keeps the rest of the page's state. */
function withLang(path: string, locale: Locale): string {
  const [pathname = '/', search = ''] = path.split('?');
  const params = new URLSearchParams(search);
  params.set('lang', locale);
  return `${pathname}?${params.toString()}`;
}

export function Chrome(props: {
  t: Translate;
  locale: Locale;
  path: string;
  demo: boolean;
  current: 'find' | 'guide' | null;
  children: ReactNode;
}) {
  const { t, locale, path } = props;
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      {/* The banner holds the demo notice too: every part of the page is in a landmark. */}
      <header>
        <div className="site-header">
          <a className="brand" href={locale === 'en' ? '/' : `/?lang=${locale}`}>
            {t('siteName')}
          </a>
          <nav aria-label={t('siteName')}>
            <ul>
              <li>
                <a
                  href={locale === 'en' ? '/' : `/?lang=${locale}`}
                  aria-current={props.current === 'find' ? 'page' : undefined}
                >
                  {t('navFind')}
                </a>
              </li>
              <li>
                <a
                  href={locale === 'en' ? '/guide' : `/guide?lang=${locale}`}
                  aria-current={props.current === 'guide' ? 'page' : undefined}
                >
                  {t('navGuide')}
                </a>
              </li>
            </ul>
          </nav>
          <nav aria-label={t('language')} className="languages">
            <ul>
              {locales.map((l) => (
                <li key={l}>
                  {l === locale ? (
                    <span aria-current="true" lang={l}>
                      {localeNames[l]}
                    </span>
                  ) : (
                    <a href={withLang(path, l)} lang={l} hrefLang={l}>
                      {localeNames[l]}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {props.demo ? (
          <p className="demo" role="note">
            {t('demoNotice')}
          </p>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{t('footerPrivacy')}</p>
        <p>
          <a href={locale === 'en' ? '/suggest' : `/suggest?lang=${locale}`}>
            {t('footerSuggest')}
          </a>
        </p>
        <p>
          <a href="/feeds/meeting-guide.json">{t('footerFeed')}</a>
        </p>
      </footer>
    </>
  );
}
