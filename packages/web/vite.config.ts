import react from '@vitejs/plugin-react';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest)$/;

/**
 * Brotli (quality 11) and gzip (level 9) copies of every text file of the build, written
 * once here so the server sends them as they are (@fastify/static `preCompressed`): no
 * compression work per request on a two-core server, the highest ratios (too slow to do per
 * request), and API answers, which mix personal data with what a request echoes, are never
 * compressed (no BREACH-style guessing through compressed sizes).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'waymark-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      for (const file of files) {
        if (!COMPRESSIBLE.test(file)) continue;
        const path = join(outDir, file);
        const content = await readFile(path);
        // Below about a packet, compression saves nothing worth a second file.
        if (content.length < 1024) continue;
        await writeFile(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        await writeFile(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// The server serves dist/ in production; in development vite proxies the API to it so
// the session cookie stays same-origin.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The libraries change far less often than our code: in their own file, a release
        // of Waymark leaves them in the browser's cache (hashed names, cached immutable).
        advancedChunks: {
          groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]/ }, { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }, { name: 'vendor', test: /node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]/ }],
        },
      },
    },
  },
});
