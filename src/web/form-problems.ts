import type { MessageKey } from './i18n/translate.ts';

/**
 * What to do about a public form's field the server refused, as a message of the page's
 * language: the server's words are English, so the page says it in its own, by the field
 * the server names (the report form, the suggest form, with JavaScript or without).
 */
const fixes: Readonly<Record<string, MessageKey>> = {
  name: 'fixName',
  day: 'fixDay',
  time: 'fixTime',
  formatted_address: 'fixAddress',
  conference_url: 'fixLink',
  message: 'fixMessage',
  email: 'fixEmail',
};

export function formProblemKey(field: string | null | undefined): MessageKey {
  return (field ? fixes[field] : undefined) ?? 'fixForm';
}
