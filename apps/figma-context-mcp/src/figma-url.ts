import { ToolError } from '@sophia/mcp-base';

/** A file (or branch) key and, optionally, a node in it, in the API's `1:2` form. */
export interface FigmaTarget {
  fileKey: string;
  nodeId?: string;
}

const FILE_KEY = /^[A-Za-z0-9]{10,64}$/;
/** `1:2`, instance sublayers `I1:2;3:4`; URLs write the colons as dashes. */
const NODE_ID = /^I?\d+:\d+(;I?\d+:\d+)*$/;
/** The path kinds Figma share links use: design files, legacy /file/, prototypes, FigJam boards, Slides. */
const URL_KINDS = new Set(['design', 'file', 'proto', 'board', 'slides']);

/** `1-2` (as in share URLs) or `1:2` → `1:2`; anything else is refused naming the expected form. */
export function normalizeNodeId(value: string): string {
  const id = safeDecode(value.trim()).replaceAll('-', ':');
  if (!NODE_ID.test(id)) {
    throw ToolError.invalidInput(`"${value}" is not a Figma node id: expected the form 1:2 (or 1-2 as in a share URL's node-id).`);
  }
  return id;
}

/**
 * A file key or a Figma URL (`https://www.figma.com/design/<key>/<name>?node-id=1-2`, also /file/,
 * /proto/, /board/, and branch links `/design/<key>/branch/<branchKey>/…`, whose branch key is the
 * file to read) → the key and the URL's node id. An explicit `nodeId` wins over the URL's.
 */
export function resolveTarget(file: string, nodeId?: string): FigmaTarget {
  const trimmed = file.trim();
  const target = /^https?:\/\//i.test(trimmed) ? fromUrl(trimmed) : { fileKey: trimmed };
  if (!FILE_KEY.test(target.fileKey)) {
    throw ToolError.invalidInput(
      `"${file}" is neither a Figma file key nor a Figma URL: pass the link from Share → Copy link, or the key after /design/ in it.`,
    );
  }
  const explicit = nodeId?.trim() ? normalizeNodeId(nodeId) : undefined;
  const id = explicit ?? target.nodeId;
  return id ? { fileKey: target.fileKey, nodeId: id } : { fileKey: target.fileKey };
}

function fromUrl(text: string): FigmaTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw ToolError.invalidInput(`"${text}" is not a valid URL.`);
  }
  if (!/(^|\.)figma\.com$/i.test(url.hostname)) throw ToolError.invalidInput(`"${text}" is not a figma.com URL.`);
  const [kind, key, third, branchKey] = url.pathname.split('/').filter(Boolean);
  if (!kind || !URL_KINDS.has(kind) || !key) {
    throw ToolError.invalidInput(`"${text}" is not a link to a Figma file: expected https://www.figma.com/design/<file key>/….`);
  }
  const fileKey = third === 'branch' && branchKey ? branchKey : key;
  const nodeParam = url.searchParams.get('node-id');
  return nodeParam ? { fileKey, nodeId: normalizeNodeId(nodeParam) } : { fileKey };
}

/** `12%3A34` (older links) → `12:34`; a malformed escape is left as it is (and then refused as an id). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
