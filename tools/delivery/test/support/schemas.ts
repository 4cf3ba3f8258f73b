import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import type { K8sObject } from './render';

type Model = new (data: object) => { validate(): void };

/** The Kubernetes kinds the overlays render, with kubernetes-models' bundled OpenAPI schemas. */
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscalingV2,
  'policy/v1': policyV1,
  'networking.k8s.io/v1': networkingV1,
};

/**
 * Custom resources kubernetes-models v4 has no schema for (its CRD packages need Node 22): the
 * fields their controllers require are checked by hand.
 */
const CUSTOM_RESOURCES: Record<string, (object: K8sObject) => string[]> = {
  'external-secrets.io/v1 ExternalSecret': ({ spec }) => [
    ...(spec?.secretStoreRef?.kind === 'ClusterSecretStore' && spec.secretStoreRef.name ? [] : ['spec.secretStoreRef must name a ClusterSecretStore']),
    ...(spec?.target?.name ? [] : ['spec.target.name is required']),
    ...(Array.isArray(spec?.data) || Array.isArray(spec?.dataFrom) ? [] : ['spec.data or spec.dataFrom is required']),
    ...((spec?.data ?? []).every((item: { secretKey?: string; remoteRef?: { key?: string } }) => item.secretKey && item.remoteRef?.key)
      ? []
      : ['spec.data[] needs secretKey and remoteRef.key']),
    ...((spec?.dataFrom ?? []).every((item: { extract?: { key?: string } }) => item.extract?.key)
      ? []
      : ['spec.dataFrom[] needs extract.key (the Pulumi provider supports no find)']),
    ...((spec?.target?.template?.templateFrom ?? []).every((item: { target?: string; literal?: string }) => item.target === 'Data' && typeof item.literal === 'string')
      ? []
      : ['spec.target.template.templateFrom[] needs target Data and a literal']),
  ],
  'traefik.io/v1alpha1 IngressRoute': ({ spec }) =>
    Array.isArray(spec?.routes) && spec.routes.every((route: { match?: string; services?: unknown[] }) => route.match && route.services?.length)
      ? []
      : ['spec.routes[] need match and services'],
  'traefik.io/v1alpha1 Middleware': ({ spec }) => (spec?.stripPrefix?.prefixes?.length ? [] : ['spec.stripPrefix.prefixes is required']),
};

/** Schema problems of one object; empty when it is valid. */
export function schemaProblems(object: K8sObject): string[] {
  const custom = CUSTOM_RESOURCES[`${object.apiVersion} ${object.kind}`];
  if (custom) return custom(object);
  const model = MODELS[object.apiVersion]?.[object.kind] as Model | undefined;
  if (!model) return [`no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}
