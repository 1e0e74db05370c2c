// The MailTransport adapters, chosen by MAIL_TRANSPORT: `mailbox` stores each
// message in the database (read at /dev/mailbox and /admin/mailbox), `log` writes
// a line per message, `http` POSTs it to an email API (Resend-style JSON body with
// a bearer key). The http one uses only fetch, so the Worker uses it too.
import type { Db } from '../../db/database.ts';
import type { Config } from '../../routers/config.ts';
import type { Clock, MailMessage, MailTransport } from '../../routers/ports.ts';
import type { Logger } from '../logger.ts';

export function mailboxTransport(db: Db, clock: Clock, from: string): MailTransport {
  return {
    async send(message) {
      await db
        .insertInto('mailbox')
        .values({ ...message, from, headers: JSON.stringify(message.headers ?? {}), sentAt: clock.now() })
        .execute();
    },
  };
}

export function logTransport(logger: Logger, from: string): MailTransport {
  return {
    async send({ to, subject }) {
      logger.info(`mail from ${from} to ${to}: ${subject}`);
    },
  };
}

export function httpTransport(url: string, apiKey: string, from: string, fetcher: typeof fetch = fetch): MailTransport {
  return {
    async send(message: MailMessage) {
      const res = await fetcher(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from, to: [message.to], subject: message.subject, html: message.html, text: message.text, headers: message.headers ?? {} }),
      });
      // A failure throws, so the email.send job is retried with backoff.
      if (!res.ok) throw new Error(`email API answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}

export function mailTransportFor(config: Config, db: Db, clock: Clock, logger: Logger): MailTransport {
  switch (config.mailTransport) {
    case 'mailbox':
      return mailboxTransport(db, clock, config.mailFrom);
    case 'log':
      return logTransport(logger, config.mailFrom);
    case 'http':
      return httpTransport(config.mailApiUrl!, config.mailApiKey!, config.mailFrom);
  }
}
