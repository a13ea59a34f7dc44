/**
 * The messages the page shows the user (components/Messages.svelte): the last five, newest last.
 * Confirmations and notes go away by themselves after a few seconds; errors stay until dismissed,
 * so one is not missed while the user looks elsewhere.
 */

export interface Message {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
  /** Text for a bug report, shown folded under the message (a fault's version, run and stack). */
  details?: string;
}

export class MessageList {
  list = $state<Message[]>([]);
  private lastId = 0;

  /** Shows a message; it goes away after `ms` (0: when dismissed). */
  say(kind: Message['kind'], text: string, ms = kind === 'error' ? 0 : 5000, details?: string): void {
    const id = ++this.lastId;
    this.list = [...this.list.slice(-4), details === undefined ? { id, kind, text } : { id, kind, text, details }];
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((m) => m.id !== id);
  }
}
