// Sign out: in every page's header, so apart from the other user forms (user-forms.ts),
// which only their own pages download.
import type { FormAction } from './form-action.ts';

export const signOut: FormAction = {
  path: '/sign-out',
  page: () => '/',
  run: (api) => api.user.logout(),
  done: () => '/',
};
