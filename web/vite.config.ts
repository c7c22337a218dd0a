/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a file: the server's CSP is default-src 'self' (no data: URLs, no inline code).
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` talks to a server started with `sterklabel serve --listen 127.0.0.1:8080`.
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
