import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * Moving between the volunteer area's pages without reloading: the address is the state. A move
 * made here (a link, a saved form) asks the next page to take focus at its heading, so a screen
 * reader says where one is; the first page shown after loading leaves focus alone. A move may
 * carry a short message for the next page ("Deleted ...").
 */

const CHANGE = 'admin:navigate';

interface Location {
  readonly path: string;
  readonly search: string;
  /** A message for the page arrived at, once. */
  readonly flash: string | null;
}

let current: Location = read(null);
let focusPending = false;

function read(flash: string | null): Location {
  return { path: window.location.pathname, search: window.location.search, flash };
}

function subscribe(listener: () => void): () => void {
  const onPop = () => {
    const next = read(null);
    // Following the skip link (#main) is no move to another page.
    if (next.path === current.path && next.search === current.search) return;
    current = next;
    focusPending = true;
    listener();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(CHANGE, listener);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(CHANGE, listener);
  };
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

export function navigate(
  href: string,
  options: { replace?: boolean; flash?: string; keepFocus?: boolean } = {},
): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  current = read(options.flash ?? null);
  if (!options.keepFocus) focusPending = true;
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(CHANGE));
}

/** Whether the page just arrived at should take focus (answered once per move). */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** Asks the next page shown to take focus (after signing in, say). */
export function requestFocus(): void {
  focusPending = true;
}

/** A link within the volunteer area: followed without a reload; new tabs work as usual. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, ...rest } = props;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      props.target ||
      !props.href.startsWith('/admin')
    ) {
      return;
    }
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...rest} onClick={follow} />;
}
