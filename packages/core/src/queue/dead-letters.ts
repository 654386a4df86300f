/** A request that failed for good, kept so that someone can inspect it and replay it. */
export interface DeadLetter {
  id: string;
  provider: string;
  endpoint: string;
  correlationId: string;
  /** Epoch milliseconds at which it was dead-lettered. */
  at: number;
  attempts: number;
  /** Already redacted by the caller. */
  request: { method: string; path: string; idempotencyKey?: string | undefined; body?: unknown };
  /** The final IntegrationError's `toJSON()`. */
  error: Record<string, unknown>;
}

/** Where requests that failed for good go. */
export interface DeadLetterSink {
  add(letter: DeadLetter): void | Promise<void>;
}

/** Dead letters in memory, oldest first; for tests, the example and single-process setups. */
export class MemoryDeadLetters implements DeadLetterSink {
  private readonly letters = new Map<string, DeadLetter>();

  /** Keeps a letter; a letter with an id already held replaces it. */
  add(letter: DeadLetter): void {
    this.letters.set(letter.id, letter);
  }

  /** Every letter held, oldest first. */
  list(): readonly DeadLetter[] {
    return [...this.letters.values()];
  }

  get size(): number {
    return this.letters.size;
  }

  /** Removes and returns a letter, for replay. */
  take(id: string): DeadLetter | undefined {
    const letter = this.letters.get(id);
    this.letters.delete(id);
    return letter;
  }
}
