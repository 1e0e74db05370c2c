import { defineConfig, presetIcons, presetWind3 } from 'unocss';

// The brand: a deep teal (trust, calm) for identity and links, a warm coral accent
// for what should catch the eye (deals, low stock), Tailwind's greys for everything
// else, and dark ink for primary buttons. Text shades used on white (brand-700,
// accent-700, gray-600 and darker) all pass WCAG AA.
const brand = {
  50: '#f0fdfa',
  100: '#ccfbf1',
  200: '#99f6e4',
  300: '#5eead4',
  400: '#2dd4bf',
  500: '#14b8a6',
  600: '#0d9488',
  700: '#0f766e',
  800: '#115e59',
  900: '#134e4a',
  950: '#042f2e',
};
const accent = {
  50: '#fff7ed',
  100: '#ffedd5',
  200: '#fed7aa',
  300: '#fdba74',
  400: '#fb923c',
  500: '#f97316',
  600: '#ea580c',
  700: '#c2410c',
  800: '#9a3412',
  900: '#7c2d12',
};

// Inter (self-hosted, client/entry-client.tsx), and until it arrives a local sans-serif
// stretched to Inter's metrics, so the swap does not move the page.
const SANS = "'Inter Variable','Inter Fallback',ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
const INTER_FALLBACK =
  "@font-face{font-family:'Inter Fallback';src:local('Arial'),local('Helvetica'),local('Liberation Sans');" +
  'ascent-override:90.44%;descent-override:22.52%;line-gap-override:0%;size-adjust:107.12%}';

export default defineConfig({
  presets: [
    presetWind3(),
    // Phosphor icons (@iconify-json/ph), as CSS masks: no script, no request, only the icons used.
    presetIcons({ extraProperties: { display: 'inline-block', 'vertical-align': 'middle', 'flex-shrink': '0' } }),
  ],
  content: { filesystem: ['client/**/*.tsx'] },
  theme: {
    colors: { brand, accent },
    fontFamily: { sans: SANS },
  },
  // One look for every button and card of the storefront.
  shortcuts: {
    btn: 'inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold no-underline transition-colors',
    'btn-primary': 'btn bg-gray-900 text-white hover:bg-gray-700',
    'btn-brand': 'btn bg-brand-700 text-white hover:bg-brand-800',
    'btn-secondary': 'btn border border-gray-300 bg-white text-gray-900 hover:bg-gray-50 hover:border-gray-400',
    card: 'bg-white rounded-xl border border-gray-200 shadow-sm',
  },
  // One focus ring for every control, visible on the dark buttons too (the browser's
  // default is a thin dark outline): blue, 2 px, set off by a 2 px gap.
  preflights: [
    { getCSS: () => ':focus-visible{outline:2px solid #2563eb;outline-offset:2px}' },
    {
      getCSS: () =>
        `${INTER_FALLBACK}html{font-family:${SANS};-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale}`,
    },
    // The header's phone toggles (components/header-toggle.tsx) open their panel without JavaScript too.
    {
      getCSS: () =>
        '#site-menu[open]~#site-nav{display:block}#account-menu[open]~#account-links{display:flex}' +
        '.header-toggle>summary::-webkit-details-marker{display:none}.header-toggle[open]>summary{background:#f3f4f6;border-color:#6b7280}',
    },
  ],
});
