import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { inlineDocuments } from './inline-documents.js';

// In development the dashboard runs on Vite's server and sends GraphQL to the API on :4000.
const apiOrigin = process.env.ASSAY_API_ORIGIN ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [inlineDocuments(fileURLToPath(new URL('src/gql/', import.meta.url))), react()],
  server: {
    port: 5173,
    proxy: { '/graphql': apiOrigin, '/healthz': apiOrigin },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.tsx'],
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/vitest.json' },
  },
});
