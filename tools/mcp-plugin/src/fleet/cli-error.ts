/** An error the CLI reports as one plain message (no stack) and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2 = the command line was wrong (usage), 1 = anything else. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
