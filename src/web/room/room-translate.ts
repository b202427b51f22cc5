import { createContext, useContext } from 'react';
import type { RoomText, RoomTextKey } from './room-text.en.ts';

export type RoomTranslate = (key: RoomTextKey, values?: Record<string, string | number>) => string;

export function roomTranslator(text: RoomText): RoomTranslate {
  return (key, values) =>
    values
      ? text[key].replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m))
      : text[key];
}

export const RoomTextContext = createContext<RoomTranslate | null>(null);

export function useRoomText(): RoomTranslate {
  const t = useContext(RoomTextContext);
  if (!t) throw new Error('no RoomTextContext: render the room inside RoomPage');
  return t;
}
