import { Chrome } from '../components/Chrome.tsx';
import { useTranslate } from '../i18n/translate.ts';
import type { NotFoundModel } from '../page-model.ts';

export function NotFoundPage({ model }: { model: NotFoundModel }) {
  const t = useTranslate();
  return (
    <Chrome t={t} locale={model.locale} path={model.path} demo={model.demo} current={null}>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFound')}</p>
      <p>
        <a href={model.locale === 'en' ? '/' : `/?lang=${model.locale}`}>{t('backToFinder')}</a>
      </p>
    </Chrome>
  );
}
