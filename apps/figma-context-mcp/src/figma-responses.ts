import type { FigmaComponentMeta, FigmaNode, FigmaStyleMeta } from './design/figma-nodes';

/** Documented response bodies of the Figma REST v1 endpoints the tools read (fields used only). */

interface FileMeta {
  name: string;
  lastModified: string;
  version: string;
  editorType?: string;
}

interface DocumentParts {
  components: Record<string, FigmaComponentMeta>;
  componentSets: Record<string, FigmaComponentMeta>;
  styles: Record<string, FigmaStyleMeta>;
}

/** GET /v1/files/:key */
export interface FileResponse extends FileMeta, DocumentParts {
  document: FigmaNode;
}

/** GET /v1/files/:key/nodes — a requested id maps to null when it is not in the file. */
export interface NodesResponse extends FileMeta {
  nodes: Record<string, (DocumentParts & { document: FigmaNode }) | null>;
}

export interface FigmaUser {
  id: string;
  handle: string;
  img_url?: string;
  email?: string;
}

/** The published-asset shape of /components, /component_sets and /styles (`meta.<list>`). */
export interface PublishedAsset {
  key: string;
  file_key: string;
  node_id: string;
  name: string;
  description: string;
  thumbnail_url?: string;
  created_at: string;
  updated_at: string;
  user?: FigmaUser;
  containing_frame?: { name?: string; nodeId?: string; pageName?: string; containingComponentSet?: { name?: string } | null };
  style_type?: string;
}
