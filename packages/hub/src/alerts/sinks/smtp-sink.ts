import nodemailer from 'nodemailer';
import { headline, text } from '../message.js';
import type { AlertNotice, AlertSink } from '../types.js';

/** The part of a mail transport the sink uses; nodemailer's transporter is one. */
export interface MailTransport {
  sendMail(message: { from: string; to: string[]; subject: string; text: string; date: Date; headers: Record<string, string> }): Promise<unknown>;
}

export interface SmtpServer {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  timeoutMs: number;
}

/** A nodemailer SMTP transport; credentials come from the caller (the config names their variables). */
export function smtpTransport(server: SmtpServer): MailTransport {
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    connectionTimeout: server.timeoutMs,
    greetingTimeout: server.timeoutMs,
    socketTimeout: server.timeoutMs,
    ...(server.user === undefined ? {} : { auth: { user: server.user, pass: server.password ?? '' } }),
  });
}

/** Each notice as one plain-text email; a transport error is a failed delivery. */
export function createSmtpSink(options: { id: string; transport: MailTransport; from: string; to: readonly string[] }): AlertSink {
  return {
    id: options.id,
    async send(notice: AlertNotice, signal: AbortSignal): Promise<void> {
      signal.throwIfAborted();
      await options.transport.sendMail({
        from: options.from,
        to: [...options.to],
        subject: headline(notice),
        text: text(notice),
        date: new Date(notice.at),
        // A retried delivery keeps its notice id, so a mail client can thread or drop the copy.
        headers: { 'X-Interlock-Notice': notice.id },
      });
    },
  };
}
