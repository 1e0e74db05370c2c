// The frame every email of the shop shares: the shop's name at the top, the body,
// and the shop's postal address at the foot (marketing mail adds its unsubscribe
// link), in an HTML part and a plain-text part. User-supplied text is escaped by
// hono/html's `html` template; only our own fragments pass through `raw`.
import { html, raw } from 'hono/html';
import type { Config } from '../config.ts';
import type { MailMessage } from '../ports.ts';

export { html, raw };

/** An email's content before framing: HTML built with `html`, and its plain-text twin. */
export interface EmailBody {
  subject: string;
  /** The body as escaped HTML (from the `html` template). */
  html: string;
  text: string;
  /** A one-click unsubscribe link: shown in the footer and sent as List-Unsubscribe. */
  unsubscribeUrl?: string;
}

type Shop = Pick<Config, 'shopName' | 'shopAddress' | 'publicUrl'>;

export function framedEmail(shop: Shop, to: string, body: EmailBody): MailMessage {
  const unsubscribe = body.unsubscribeUrl;
  const page = html`<!doctype html>
<html lang="en">
<body style="margin:0;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px">
<tr><td style="padding:20px 24px;border-bottom:1px solid #e5e7eb"><a href="${shop.publicUrl}" style="font-size:20px;font-weight:700;color:#111827;text-decoration:none">${shop.shopName}</a></td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.55">${raw(body.html)}</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280">${shop.shopName} · ${shop.shopAddress}${
    unsubscribe ? html`<br><a href="${unsubscribe}" style="color:#6b7280">Unsubscribe from marketing email</a>` : ''
  }</td></tr>
</table></td></tr></table>
</body>
</html>`;
  const footer = `--\n${shop.shopName} · ${shop.shopAddress}${unsubscribe ? `\nUnsubscribe: ${unsubscribe}` : ''}`;
  return {
    to,
    subject: body.subject,
    html: String(page),
    text: `${body.text.trim()}\n\n${footer}\n`,
    ...(unsubscribe && { headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }),
  };
}
