// Browser entry: hydrates the server-rendered page in #app.
import '@unocss/reset/tailwind.css';
import '@fontsource-variable/inter';
import 'virtual:uno.css';
import { hydrate } from 'solid-js/web';
import { App } from './app.tsx';
import { browserApi } from './trpc.ts';

const root = document.getElementById('app')!;
// After a plain form post that failed, the page shown is the form's own page (say
// /sign-in?next=…), while the address bar holds the POST target: the router must see
// the page's address, or it would hydrate a different page. (Reloading then asks for
// the page again instead of posting the form twice.)
const shown = root.dataset.path;
if (shown && shown !== location.pathname + location.search) history.replaceState(history.state, '', shown);

hydrate(() => <App api={browserApi} origin={location.origin} onRenderError={(error) => console.error(error)} />, root);
