/** The first line of a commit message: its title. */
export const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';
