import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1' },
  // Graphviz's WebAssembly (~1.5 MB, inlined by @hpcc-js/wasm-graphviz) makes one large chunk; that is expected.
  build: { chunkSizeWarningLimit: 4096 },
});
