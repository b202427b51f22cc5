import { describe, expect, it } from 'vitest';
import { adminShell } from './admin.routes.ts';

const assets = {
  script: '/static/assets/admin-abc.js',
  preload: ['/static/assets/jsx-runtime-def.js'],
  styles: ['/static/assets/styles-1.css', '/static/assets/admin-2.css'],
};

describe('the volunteer area’s shell', () => {
  it('links the bundle, holds its configuration as data and runs no inline script', () => {
    const html = adminShell(assets, { tiles: null });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<script type="module" src="/static/assets/admin-abc.js"></script>');
    expect(html).toContain('<link rel="modulepreload" href="/static/assets/jsx-runtime-def.js">');
    // The public styles first, the area's own after them.
    expect(html.indexOf('styles-1.css')).toBeLessThan(html.indexOf('admin-2.css'));
    expect(html).toContain(
      '<script type="application/json" id="admin-config">{"tiles":null}</script>',
    );
    expect(html).toContain('<noscript>');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('keeps a tile attribution from ending its element', () => {
    const html = adminShell(assets, {
      tiles: {
        url: 'https://t.example/{z}/{x}/{y}.png',
        attribution: '</script><script>x()</script>',
      },
    });
    expect(html).not.toContain('</script><script>x()');
    expect(html).toContain('\\u003c/script\\u003e');
  });

  it('says what to do without a build', () => {
    const html = adminShell(null, { tiles: null });
    expect(html).toContain('npm run build');
    expect(html).not.toContain('<script');
  });
});
