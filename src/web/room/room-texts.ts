import type { Locale } from '../../domain/vocabulary/locales.ts';
import { type RoomText, roomEn } from './room-text.en.ts';
import { roomEs } from './room-text.es.ts';
import { roomFr } from './room-text.fr.ts';

/** The room's text in every language, for the server to put in the page's model. */
export const roomTexts: Record<Locale, RoomText> = { en: roomEn, es: roomEs, fr: roomFr };
