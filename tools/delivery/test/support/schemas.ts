import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { crdProblems } from './crd-schemas';
import type { K8sObject } from './render';

type Model = new (data: object) => { validate(): void };

/** Core Kubernetes kinds, with kubernetes-models' bundled OpenAPI schemas; custom resources use the vendored CRDs. */
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscalingV2,
  'policy/v1': policyV1,
  'networking.k8s.io/v1': networkingV1,
};

/**
 * What the fleet needs of an ExternalSecret beyond ESO's schema (checked there): the one Pulumi
 * ClusterSecretStore, and extract rather than find (the Pulumi provider supports no find).
 */
const FLEET_RULES: Record<string, (object: K8sObject) => string[]> = {
  'external-secrets.io/v1 ExternalSecret': ({ spec }) => [
    ...(spec?.secretStoreRef?.kind === 'ClusterSecretStore' && spec.secretStoreRef.name ? [] : ['spec.secretStoreRef must name a ClusterSecretStore']),
    ...((spec?.dataFrom ?? []).every((item: { extract?: { key?: string } }) => item.extract?.key)
      ? []
      : ['spec.dataFrom[] needs extract.key (the Pulumi provider supports no find)']),
  ],
};

/** Schema problems of one object; empty when it is valid. */
export function schemaProblems(object: K8sObject): string[] {
  const custom = crdProblems(object);
  if (custom) return [...custom, ...(FLEET_RULES[`${object.apiVersion} ${object.kind}`]?.(object) ?? [])];
  const model = MODELS[object.apiVersion]?.[object.kind] as Model | undefined;
  if (!model) return [`no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}
