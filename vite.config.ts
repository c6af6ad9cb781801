// Builds the renderer (React + d3) into dist/renderer. Relative asset paths so the same build
// loads from the browser shell's server and from Electron's file:// page.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  // The renderer imports only types from the main side (the API contract); see tsconfig.web.json.
  resolve: { alias: { '@main': fileURLToPath(new URL('./src-main', import.meta.url)) } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
});
