/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed, ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/**
 * The path of the first string (value or key) in `value` that is not well-formed Unicode (a lone
 * UTF-16 surrogate, which JSON's \uD800 escapes can carry), or undefined. Such strings break
 * encodeURIComponent, TextEncoder round trips and upstream APIs deep inside a handler; refused
 * once here, every tool of every app answers invalid_input instead of internal_error.
 */
export function firstIllFormedString(value: unknown): string | undefined {
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length) {
    const [item, path] = pending.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (!isWellFormed(item)) return path || '(arguments)';
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = Array.isArray(item) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        if (!isWellFormed(key)) return childPath;
        pending.push([child, childPath]);
      }
    }
  }
  return undefined;
}
