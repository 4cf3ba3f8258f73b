import { z } from 'zod';

/** The `file` input every tool takes: a key or any Figma share link. */
export const fileInput = () =>
  z
    .string()
    .min(1)
    .max(2_000)
    .describe(
      'Figma file key, or the file\'s URL as copied from Figma (https://www.figma.com/design/<key>/<name>?node-id=1-2; ' +
        '/file/, /proto/ and branch links work too). A node-id in the URL selects that node.',
    );

/** An optional node id; wins over a node-id in the URL. */
export const nodeIdInput = (what: string) =>
  z.string().min(1).max(200).optional().describe(`${what} Node id as 1:2 (or 1-2 as in URLs); overrides the URL's node-id.`);
