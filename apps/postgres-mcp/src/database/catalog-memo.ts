/** Past this many facts the memo starts over: names come from callers' SQL, so keys are unbounded. */
const MAX_FACTS = 1_000;

/**
 * Catalog facts remembered between calls, for a database only this process changes (embedded
 * PGlite: one connection, in this process). Whatever may have changed them forgets them all:
 * a statement that may commit (before it starts and after it ends, so a read running alongside
 * is not remembered), and a failed statement (the worker may have restarted, resetting the
 * session's search_path). A restricted-mode server never writes, so it asks each fact once.
 */
export class CatalogMemo {
  private readonly facts = new Map<string, unknown>();
  private generation = 0;

  /** The fact under `key`, read by `read` unless remembered. */
  async get<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (this.facts.has(key)) return this.facts.get(key) as T;
    const generation = this.generation;
    const value = await read();
    if (generation === this.generation) {
      if (this.facts.size >= MAX_FACTS) this.facts.clear();
      this.facts.set(key, value);
    }
    return value;
  }

  /** The catalog or session may have changed: forget everything, and whatever is being read now. */
  forget(): void {
    this.generation++;
    this.facts.clear();
  }
}
