interface Entry<T> {
  value: Promise<T>;
  users: number;
}

/** One user's hold on a shared resource. */
export interface Lease<T> {
  value: Promise<T>;
  /** Drops this hold (once); the last hold closes the resource. */
  release: () => Promise<void>;
}

/**
 * Resources (database pools, embedded stores) shared by the contexts of one app that point at the
 * same place, counted: the last context to release one closes it. Owned by whoever creates the
 * app definition, not by a module, so each server (or test) decides how long its stores live.
 * A failed open is forgotten at once, so the next acquire tries again.
 */
export class SharedResources<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly close: (resource: T) => Promise<void>) {}

  acquire(key: string, open: () => Promise<T>): Lease<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      const created: Entry<T> = { value: open(), users: 0 };
      created.value.catch(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
      this.entries.set(key, created);
      entry = created;
    }
    const held = entry;
    held.users += 1;
    let released = false;
    return {
      value: held.value,
      release: async () => {
        if (released) return;
        released = true;
        held.users -= 1;
        if (held.users > 0) return;
        if (this.entries.get(key) === held) this.entries.delete(key);
        const resource = await held.value.catch(() => undefined);
        if (resource !== undefined) await this.close(resource);
      },
    };
  }
}
