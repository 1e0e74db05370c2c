// The marketing email forms: the admin's campaign forms (create a draft, send it
// after ticking the confirmation) and the unsubscribe button of /unsubscribe. Each
// works as a plain post and with JavaScript.
import { wholeNumber } from '../../routers/shared/form-numbers.ts';
import { checked, FormFieldError, type FormAction } from './form-action.ts';

/** An admin campaign page, with a confirmation; only a numeric id makes it into the URL. */
export const adminCampaignPage = (id: string | number | undefined, saved?: string) =>
  /^\d{1,15}$/.test(String(id)) ? `/admin/campaigns/${id}${saved ? `?saved=${saved}` : ''}` : '/admin/campaigns';

export const createCampaign: FormAction<{ id: number }> = {
  path: '/admin/campaigns/new',
  page: () => '/admin/campaigns',
  run: (api, f) => api.admin.campaign.create({ subject: f.subject ?? '', html: f.html ?? '', text: f.text ?? '' }),
  done: (_f, campaign) => adminCampaignPage(campaign.id, 'created'),
};

/** The checkbox that confirms a send: without it ticked nothing is sent. */
export const CONFIRM_SEND = 'confirmSend';

export const sendCampaign: FormAction = {
  path: '/admin/campaigns/send',
  page: (f) => adminCampaignPage(f.id),
  run: async (api, f) => {
    // An unticked box is absent from the form: the error is the form's, not a field's.
    if (!checked(f, CONFIRM_SEND)) throw new FormFieldError('', 'Tick the box to confirm, then press Send: a campaign cannot be called back.');
    return api.admin.campaign.send({ id: wholeNumber(f.id) });
  },
  done: (f) => adminCampaignPage(f.id, 'sending'),
};

export const unsubscribe: FormAction = {
  path: '/unsubscribe',
  page: (f) => `/unsubscribe?token=${encodeURIComponent(f.token ?? '')}`,
  run: (api, f) => api.email.unsubscribe({ token: f.token ?? '' }),
  done: () => '/unsubscribe?done=1',
};

export const emailActions: FormAction<any>[] = [createCampaign, sendCampaign, unsubscribe];
