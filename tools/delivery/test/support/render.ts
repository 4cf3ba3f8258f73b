import { parseAllDocuments } from 'yaml';
import { execOk } from './workspace';

/** One rendered Kubernetes object, loosely typed: the specs check its fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any };

export function parseManifest(yaml: string): K8sObject[] {
  return parseAllDocuments(yaml)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** `kubectl kustomize` of a directory under k3s/, parsed. */
export const renderKustomization = (dir: string) => parseManifest(execOk('kubectl', ['kustomize', dir]));

/** The single object of a kind; anything else is a rendering mistake worth failing on. */
export function theOne(objects: K8sObject[], kind: string): K8sObject {
  const found = objects.filter((object) => object.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, rendered ${found.length}`);
  return found[0] as K8sObject;
}
