/**
 * Serializes async work per key inside one process (one user's check → send → commit).
 * Across instances the conversation transaction's compare-and-set is what stays correct.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * @example await lock.run('default|oUSER', () => sendAndCommit())
   */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Forget the key once nobody queued behind us, so the map does not grow per user.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
