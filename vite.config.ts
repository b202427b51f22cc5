import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The browser bundle: the same React components the server renders, hydrated on top. Built to
 * dist/client and served under /static/ with a manifest the server reads for the hashed names.
 */
export default defineConfig({
  plugins: [react()],
  base: '/static/',
  publicDir: false,
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    target: 'es2020',
    rollupOptions: { input: ['src/web/client.tsx', 'src/web/admin/admin.tsx'] },
  },
});
