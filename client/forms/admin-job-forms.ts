// The admin console's job form: retry a failed background job (an email the
// provider refused, say). Works as a plain post and with JavaScript.
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import type { FormAction } from './form-action.ts';

const STATUS = /^(failed|pending|running|done|cancelled|all)$/;

/** The jobs page, keeping the list it was on (only a known status makes it into the URL). */
export const adminJobsPage = (status?: string, saved?: string) => {
  const query = new URLSearchParams({ ...(status && STATUS.test(status) ? { status } : {}), ...(saved ? { saved } : {}) });
  return `/admin/jobs${query.size ? `?${query}` : ''}`;
};

export const retryJob: FormAction = {
  path: '/admin/jobs/retry',
  page: (f) => adminJobsPage(f.status),
  run: (api, f) => api.admin.job.retry({ id: wholeNumber(f.id) }),
  done: (f) => adminJobsPage(f.status, 'retried'),
};

export const adminJobActions: FormAction<any>[] = [retryJob];
