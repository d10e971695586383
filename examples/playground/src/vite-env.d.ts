/// <reference types="vite/client" />
// Vite's types: lets `import './style.css'` typecheck (Vite bundles the stylesheet).
