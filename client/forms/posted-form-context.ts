// A failed plain form post travels into the server render through this context,
// and on to the browser through a resource (serialized for hydration), so the
// hydrated form shows the same errors and values as the server's HTML.
import { createContext, createResource, useContext } from 'solid-js';
import { INSTANCE_FIELD, type PostedForm } from './form-action.ts';

export const PostedFormContext = createContext<PostedForm | undefined>();

/** The posted state of this form (action path and instance), or null. */
export function usePostedForm(path: string, instance = '') {
  const posted = useContext(PostedFormContext);
  const [state] = createResource(() =>
    posted && posted.path === path && (posted.values[INSTANCE_FIELD] ?? '') === instance ? posted : null,
  );
  return state;
}
