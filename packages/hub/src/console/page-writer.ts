import type { ServerResponse } from 'node:http';
import { Redactor } from '@interlock/core';
import { html, type Html } from './html.js';
import { sendPage } from './http.js';
import type { ConsoleSession } from './sessions.js';
import { page } from './views/layout.js';

/** Sends the console's pages; whatever a payload or a reason carries, no known secret leaves in one. */
export class PageWriter {
  private readonly redactor = new Redactor();

  constructor(secrets: Iterable<string>) {
    for (const secret of secrets) this.redactor.addSecret(secret);
  }

  send(res: ServerResponse, status: number, title: string, session: ConsoleSession | undefined, body: Html, headers?: Readonly<Record<string, string>>): void {
    sendPage(res, status, this.redactor.string(page(title, session, body)), headers);
  }

  /** A page that only says what went wrong. */
  problem(res: ServerResponse, status: number, title: string, session: ConsoleSession | undefined, text: string): void {
    this.send(res, status, title, session, html`<p class="notice bad">${text}</p>`);
  }
}
