// ejs ships no types; the generators use this one function (the same engine Nx's generateFiles uses).
declare module 'ejs' {
  export function render(template: string, data: Record<string, unknown>, options?: { filename?: string }): string;
}
