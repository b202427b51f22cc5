import { createContext, useContext, useMemo } from 'react';
import { type Locale, isLocale, locales } from '../../domain/vocabulary/locales.ts';
import type { MessageKey, Messages } from './messages.en.ts';

/** Names of the interface languages, each in itself, for the switcher. */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

/**
 * The interface language: the `lang` parameter if it names one we speak, else the first of the
 * browser's Accept-Language we speak, else English.
 */
export function pickLocale(param: string | undefined, acceptLanguage: string | undefined): Locale {
  if (param && isLocale(param)) return param;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) };
    })
    .filter((w) => w.lang && !Number.isNaN(w.q))
    .sort((a, b) => b.q - a.q);
  return (wanted.find((w) => isLocale(w.lang))?.lang as Locale | undefined) ?? 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Interface text from one catalog, with `{name}` filled in. */
export function makeTranslator(messages: Messages): Translate {
  return (key, values) => {
    const text = messages[key];
    return values
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m))
      : text;
  };
}

/** The page's catalog: the server has them all; the browser loads only the visitor's. */
export const MessagesContext = createContext<Messages | null>(null);

/** The page's translator: the same function for as long as the catalog is (effects may use it). */
export function useTranslate(): Translate {
  const messages = useContext(MessagesContext);
  const t = useMemo(() => (messages ? makeTranslator(messages) : null), [messages]);
  if (!t) throw new Error('no MessagesContext: render pages through App');
  return t;
}

export { locales };
export type { Locale, MessageKey, Messages };
