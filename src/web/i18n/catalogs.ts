import type { Locale } from '../../domain/vocabulary/locales.ts';
import { en, type Messages } from './messages.en.ts';
import { es } from './messages.es.ts';
import { fr } from './messages.fr.ts';

/** Every catalog, for the server (the browser loads one at a time, see hydrate.tsx). */
export const catalogs: Record<Locale, Messages> = { en, es, fr };
