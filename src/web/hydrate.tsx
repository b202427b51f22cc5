import type { ComponentType } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { Locale } from '../domain/vocabulary/locales.ts';
import { App, type PageComponents } from './App.tsx';
import type { Messages } from './i18n/translate.ts';
import type { PageModel } from './page-model.ts';

// Each page and each language is its own chunk: a visitor downloads the page they see, in the
// language they read, and nothing else.
const pageLoaders: {
  [K in PageModel['kind']]: () => Promise<
    ComponentType<{ model: Extract<PageModel, { kind: K }> }>
  >;
} = {
  finder: () => import('./pages/FinderPage.tsx').then((m) => m.FinderPage),
  meeting: () => import('./pages/MeetingPage.tsx').then((m) => m.MeetingPage),
  guide: () => import('./pages/GuidePage.tsx').then((m) => m.GuidePage),
  'not-found': () => import('./pages/NotFoundPage.tsx').then((m) => m.NotFoundPage),
  suggest: () => import('./pages/SuggestPage.tsx').then((m) => m.SuggestPage),
  room: () => import('./pages/RoomPage.tsx').then((m) => m.RoomPage),
};

const catalogLoaders: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./i18n/messages.en.ts').then((m) => m.en),
  es: () => import('./i18n/messages.es.ts').then((m) => m.es),
  fr: () => import('./i18n/messages.fr.ts').then((m) => m.fr),
};

/**
 * The server put the page's model beside its HTML; hydrating with the same model and catalog
 * gives the same markup, which React then makes interactive.
 */
export async function hydrate(): Promise<void> {
  const data = document.getElementById('page-model');
  const root = document.getElementById('root');
  if (!data?.textContent || !root) return;
  const model = JSON.parse(data.textContent) as PageModel;
  const [page, messages] = await Promise.all([
    pageLoaders[model.kind](),
    catalogLoaders[model.locale](),
  ]);
  const pages = { [model.kind]: page } as Partial<PageComponents>;
  hydrateRoot(root, <App model={model} messages={messages} pages={pages} />);
}
