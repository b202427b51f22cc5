import nodemailer from 'nodemailer';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  /** Plain text only: nothing in a message is ever read as markup. */
  readonly text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Mail through the SMTP server an operator configured (`SMTP_URL`, e.g.
 * smtps://user:password@mail.example.org:465). Messages are plain text; nodemailer encodes
 * headers, so a line break in a subject cannot add one.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject.replace(/[\r\n]+/g, ' '),
        text: mail.text,
      });
    },
  };
}
