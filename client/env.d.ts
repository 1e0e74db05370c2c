// Side-effect CSS imports handled by Vite (UnoCSS output and its reset).
declare module 'virtual:uno.css';
declare module '@unocss/reset/tailwind.css';
