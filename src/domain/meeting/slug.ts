/** Slugs as the Meeting Guide spec asks: URL-safe, no spaces, at most 64 characters. */
export function slugify(text: string, maxLength = 64): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** Characters a slug may carry in a URL path without escaping. */
export function isUrlSafeSlug(slug: string): boolean {
  return /^[A-Za-z0-9._~-]+$/.test(slug);
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that `taken` does not hold: how a name shared by
 * several meetings gets distinct slugs ("sunday-serenity-7").
 */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
