import { defineConfig, presetWind3 } from 'unocss';

export default defineConfig({
  presets: [presetWind3()],
  content: { filesystem: ['client/**/*.tsx'] },
  // One focus ring for every control, visible on the dark buttons too (the browser's
  // default is a thin dark outline): blue, 2 px, set off by a 2 px gap.
  preflights: [
    { getCSS: () => ':focus-visible{outline:2px solid #2563eb;outline-offset:2px}' },
    // The header's phone toggles (components/header-toggle.tsx) open their panel without JavaScript too.
    {
      getCSS: () =>
        '#site-menu[open]~#site-nav{display:block}#account-menu[open]~#account-links{display:flex}' +
        '.header-toggle>summary::-webkit-details-marker{display:none}.header-toggle[open]>summary{background:#f3f4f6;border-color:#6b7280}',
    },
  ],
});
