// Browser entry: hydrates the server-rendered page in #app.
import '@unocss/reset/tailwind.css';
import 'virtual:uno.css';
import { hydrate } from 'solid-js/web';
import { App } from './app.tsx';
import { browserApi } from './trpc.ts';

hydrate(() => <App api={browserApi} origin={location.origin} onRenderError={(error) => console.error(error)} />, document.getElementById('app')!);
