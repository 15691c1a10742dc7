import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// TSUNAGU_GATEWAY lets a second stack (make run with TSUNAGU_PORT_BASE) serve the dev server.
const gateway = process.env.TSUNAGU_GATEWAY ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': gateway,
      '/.well-known': gateway,
    },
  },
});
