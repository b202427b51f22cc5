/** What every HTML page Greendoor serves writes the same way: the public pages and /admin. */

/** The site's icon, in the page itself: no request for /favicon.ico. */
export const icon = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5f3a"/><rect x="10" y="6" width="12" height="22" rx="1" fill="#e4efe7"/><circle cx="19" cy="18" r="1.4" fill="#1f5f3a"/></svg>',
)}`;

export const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** JSON that cannot end its script element or run as anything but data. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
