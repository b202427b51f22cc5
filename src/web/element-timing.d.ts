import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- merging needs React's own parameter
  interface HTMLAttributes<T> {
    /**
     * Element Timing: the browser records when this element's text was first painted
     * (PerformanceObserver type `element`), for measuring when the first results show.
     */
    elementtiming?: string;
  }
}
