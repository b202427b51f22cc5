import './styles.css';

/**
 * The browser entry, kept tiny. The server-rendered page is complete without script: the list,
 * the links and the search form all work as they are. So React (the bulk of the script) is
 * loaded and run only when it is wanted: at once if the visitor starts to use the page (a tap, a
 * key, a focus), otherwise a moment after the page has loaded, once the main thread is idle. On a
 * slow phone the first results show, and can be read and followed, before any script competes
 * with them; the app then hydrates on top. Until then this script does nothing but listen: the
 * chunks the app needs (the page lists them) are fetched side by side only when it starts, so
 * that nothing competes with the first paint.
 */
const SETTLE_MS = 800;
const INTERACTIONS = ['pointerdown', 'keydown', 'touchstart', 'focusin'] as const;

let started = false;
function hydrateNow(): void {
  if (started) return;
  started = true;
  for (const type of INTERACTIONS) window.removeEventListener(type, hydrateNow, true);
  preloadChunks();
  void import('./hydrate.tsx').then((m) => m.hydrate());
}

for (const type of INTERACTIONS) {
  window.addEventListener(type, hydrateNow, { capture: true, passive: true });
}

/** The app's chunks, all asked for at once rather than one import after another. */
function preloadChunks(): void {
  const list = document.querySelector('meta[name="gd-chunks"]')?.getAttribute('content') ?? '';
  for (const href of list.split(' ').filter(Boolean)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

function whenSettled(): void {
  window.setTimeout(() => {
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function') {
      window.requestIdleCallback(hydrateNow, { timeout: 1000 });
    } else hydrateNow();
  }, SETTLE_MS);
}

// A live page (an online meeting room) is nothing without its script: it runs at once.
if (document.querySelector('[data-hydrate="now"]')) hydrateNow();
else if (document.readyState === 'complete') whenSettled();
else window.addEventListener('load', whenSettled, { once: true });
