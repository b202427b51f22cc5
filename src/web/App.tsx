import type { ComponentType } from 'react';
import { MessagesContext, type Messages } from './i18n/translate.ts';
import type { PageModel } from './page-model.ts';

/** The component that renders each kind of page. */
export type PageComponents = {
  [K in PageModel['kind']]: ComponentType<{ model: Extract<PageModel, { kind: K }> }>;
};

/**
 * A page, in its language: the same tree on the server and in the browser. Page components are
 * passed in so the browser loads only the one it shows.
 */
export function App({
  model,
  messages,
  pages,
}: {
  model: PageModel;
  messages: Messages;
  pages: Partial<PageComponents>;
}) {
  const Page = pages[model.kind] as ComponentType<{ model: PageModel }> | undefined;
  if (!Page) throw new Error(`no component for a ${model.kind} page`);
  return (
    <MessagesContext.Provider value={messages}>
      <Page model={model} />
    </MessagesContext.Provider>
  );
}
