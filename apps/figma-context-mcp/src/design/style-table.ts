/**
 * Styles de-duplicated into one table: each distinct value (a fill list, a text style, an
 * effect set) is stored once under a short id such as `fill_1`, and nodes refer to the id.
 * A value bound to a named Figma style keeps that name, so generated code can reuse tokens.
 */
export type StyleKind = 'fill' | 'stroke' | 'text' | 'effect';

export interface StyleEntry {
  kind: StyleKind;
  /** The Figma style's name (e.g. "Brand/Primary") when the node uses a shared style. */
  name?: string;
  value: unknown;
}

export class StyleTable {
  private readonly ids = new Map<string, string>();
  private readonly counts = new Map<StyleKind, number>();
  readonly entries: Record<string, StyleEntry> = {};

  /** The id of this value in the table, adding it when new. */
  ref(kind: StyleKind, value: unknown, name?: string): string {
    const entry: StyleEntry = name === undefined ? { kind, value } : { kind, name, value };
    const key = JSON.stringify(entry);
    const known = this.ids.get(key);
    if (known) return known;
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    const id = `${kind}_${count}`;
    this.ids.set(key, id);
    this.entries[id] = entry;
    return id;
  }
}
