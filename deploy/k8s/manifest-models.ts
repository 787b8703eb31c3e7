import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';

/** A manifest as read from its file, with where it came from for the failure message. */
export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * The kinds this deployment uses, each with its kubernetes-models class: `validate()` checks a
 * document against the Kubernetes OpenAPI schema of that kind and throws naming the field.
 * A kind missing here is refused by `validateManifest`, so a new kind is a deliberate choice.
 */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

export function validateManifest(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) throw new Error(`${manifest.file}: ${manifest.apiVersion} ${manifest.kind} is not a kind this deployment validates`);
  const { file: _file, ...document } = manifest;
  new Model(document as never).validate();
}

/** Every document of every manifest file in `dir` (kustomization.yaml is kustomize's, not the cluster's). */
export function readManifests(dir: string): Manifest[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .sort()
    .flatMap((file) => parseManifests(readFileSync(join(dir, file), 'utf8'), file));
}

/** Kubernetes reads YAML 1.1, as js-yaml's YAML11 schema does. */
export function parseManifests(text: string, file: string): Manifest[] {
  return loadAll(text, { schema: YAML11_SCHEMA })
    .filter((document) => document !== null && document !== undefined)
    .map((document) => ({ ...(document as Omit<Manifest, 'file'>), file }) as Manifest);
}
