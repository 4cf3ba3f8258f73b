import { Document, isCollection, isPair, isScalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** Longest JSON of a collection written on one line, `{ a: 1, b: 2 }`, as a person would. */
const FLOW_LIMIT = 100;

/**
 * YAML text of a value in the hand-written style of k3s/: block collections, except that a
 * collection of scalars (or of such short collections) short enough for one line is a flow one.
 */
export function compactYaml(value: unknown, headerComment?: string): string {
  const document = new Document(value);
  // The top level stays block: a list of patch operations reads one operation per line.
  if (isCollection(document.contents)) for (const child of childrenOf(document.contents)) if (child) compact(child);
  if (headerComment) document.commentBefore = headerComment;
  return document.toString({ lineWidth: 0 });
}

/** Marks short collections of flat content as flow, children first; true when `node` is now inline. */
function compact(node: Node): boolean {
  if (isScalar(node)) return !String(node.value).includes('\n');
  if (!isCollection(node)) return false;
  const inline = childrenOf(node).map((child) => (child ? compact(child) : true)).every(Boolean);
  node.flow = inline && JSON.stringify(node.toJSON()).length <= FLOW_LIMIT;
  return node.flow;
}

const childrenOf = (node: YAMLMap | YAMLSeq): Array<Node | null> =>
  node.items.map((item) => (isPair(item) ? (item.value as Node | null) : (item as Node)));
