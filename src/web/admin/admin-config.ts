/**
 * What the server tells the volunteer area in its HTML shell, as JSON in a
 * `<script type="application/json">` element (never as a script: the policy runs none inline).
 * Imported by the server's admin routes and by the browser entry alike, so it holds no DOM.
 */
export const ADMIN_CONFIG_ELEMENT_ID = 'admin-config';

export interface AdminConfig {
  /** Map tiles an operator configured (MAP_TILE_URL); null: the land outline shipped with the app. */
  readonly tiles: { readonly url: string; readonly attribution: string | null } | null;
}
