import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ in production; in development vite proxies the API to it so
// the session cookie stays same-origin.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
