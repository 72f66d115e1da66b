import nodemailer, { type Transporter } from "nodemailer";
import type { ChannelAdapter } from "./adapter";

/** E-mail through SMTP (SMTP_URL); one transport per process, reused for every message. */
export function smtpAdapter(options: { smtpUrl: string; from: string }): ChannelAdapter {
  let transport: Transporter | undefined;
  return {
    channel: "email",
    kind: "provider",
    async send(message) {
      transport ??= nodemailer.createTransport(options.smtpUrl);
      await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
    },
  };
}
