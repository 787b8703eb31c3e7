import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { DEFAULT_PARTITIONS, dlqTopicSettings, TopicKey, Topics, topicSettings, topicsOf } from '@motcua/contracts';
import { Manifest, parseManifests, readManifests, validateManifest } from './manifest-models';

const dir = __dirname;
const manifests = readManifests(dir);
const named = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
const deployments = manifests.filter((m) => m.kind === 'Deployment') as (Manifest & { spec: DeploymentSpec })[];

interface Probe { httpGet?: { path: string } }
interface Container { name: string; args?: string[]; readinessProbe?: Probe; livenessProbe?: Probe; resources?: { requests?: Record<string, string>; limits?: Record<string, string> }; securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean } }
interface DeploymentSpec { template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } } } }
interface ExternalMetric { type: string; external?: { metric: { name: string; selector: { matchLabels: Record<string, string> } } } }

describe('the Kubernetes manifests (deploy/k8s)', () => {
  it.each(manifests.map((m) => [`${m.file}: ${m.kind} ${m.metadata.name}`, m] as const))('%s is valid against the Kubernetes schema of its kind', (_title, manifest) => {
    expect(() => validateManifest(manifest)).not.toThrow();
  });

  it('refuses a broken document, naming the field, and a kind it does not know', () => {
    const [deployment] = parseManifests(readFileSync(join(dir, 'intake.yaml'), 'utf8'), 'intake.yaml');
    const broken = structuredClone(deployment) as Manifest & { spec: { template: { spec: { containers: { ports: { containerPort: unknown }[] }[] } } } };
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'eight thousand';
    expect(() => validateManifest(broken)).toThrow(/containerPort must be integer/);
    expect(() => validateManifest({ ...deployment, apiVersion: 'apps/v1beta1' })).toThrow(/not a kind this deployment validates/);
  });

  it('lists every manifest file in kustomization.yaml, and only those, but the Secret template', () => {
    const kustomization = load(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'), { schema: YAML11_SCHEMA }) as { resources: string[] };
    // Applied once by hand: a release applying it would blank the credentials.
    const applied = [...new Set(manifests.map((m) => m.file))].filter((file) => file !== 'secrets.yaml');
    expect([...kustomization.resources].sort()).toEqual(applied.sort());
  });

  it.each(deployments.map((d) => [d.metadata.name, d] as const))('%s: probes, resources, non-root, and its Service and PodDisruptionBudget', (name, deployment) => {
    const [container] = deployment.spec.template.spec.containers;
    expect(container.args).toEqual([name]);
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(deployment.spec.template.spec.securityContext?.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    const labels = deployment.spec.template.metadata.labels;
    for (const kind of ['Service', 'PodDisruptionBudget']) {
      const selector = (named(kind, name) as (Manifest & { spec: { selector: Record<string, unknown> } }) | undefined)?.spec.selector;
      const matchLabels = (kind === 'Service' ? selector : selector?.['matchLabels']) as Record<string, string> | undefined;
      expect(matchLabels).toBeDefined();
      expect(labels).toMatchObject(matchLabels ?? {});
    }
  });

  // Consumers scale on their lag up to one replica per partition: every deployed service consumes.
  const consumers = deployments.map((d) => d.metadata.name);
  const lagGroups = (name: string) =>
    ((named('HorizontalPodAutoscaler', name) as (Manifest & { spec: { metrics: ExternalMetric[] } }) | undefined)?.spec.metrics ?? [])
      .filter((metric) => metric.type === 'External' && metric.external?.metric.name === 'kafka_consumergroup_lag')
      .map((metric) => metric.external?.metric.selector.matchLabels['consumergroup']);

  it.each(consumers)('%s scales on the lag of each of its consumer groups, to at most the partitions', (name) => {
    const hpa = named('HorizontalPodAutoscaler', name) as (Manifest & { spec: { maxReplicas: number } }) | undefined;
    expect(hpa?.spec.maxReplicas).toBeLessThanOrEqual(DEFAULT_PARTITIONS);
    expect(lagGroups(name).length).toBeGreaterThan(0);
    for (const group of lagGroups(name)) expect(group).toMatch(new RegExp(`^${name}\\.`));
  });

  it('creates the topics of libs/contracts with their settings, and a dead-letter topic per consumer group and topic', () => {
    const data = (named('ConfigMap', 'motcua-topics') as (Manifest & { data: Record<string, string> }) | undefined)?.data['topics.txt'] ?? '';
    const listed = data.trim().split('\n').map((line) => {
      const [topic, partitions, replication, configs] = line.trim().split(/\s+/);
      const config = Object.fromEntries(configs.split(',').map((pair) => pair.split('=')));
      return { topic, numPartitions: Number(partitions), replication: Number(replication), config };
    });
    // The names without a namespace: this file's own (topic-namespace.ts) is for its test topics.
    const plain = topicsOf(undefined);
    const keys = Object.keys(plain) as TopicKey[];
    const plainName = (topic: string) => plain[keys.find((key) => Topics[key] === topic) as TopicKey];
    const groupTopics = consumers.flatMap(lagGroups).flatMap((group = '') =>
      group === 'projections.read-models' ? keys.map((key) => ({ group, topic: Topics[key] })) : [{ group, topic: Topics[keys.find((key) => group.endsWith(`.${plain[key]}`)) as TopicKey] }],
    );
    const expected = [
      ...keys.map((key) => ({ ...topicSettings(Topics[key]), topic: plain[key] })),
      ...groupTopics.map(({ group, topic }) => ({ ...dlqTopicSettings(plainName(topic), group) })),
    ];
    expect(listed.map(({ topic, numPartitions, config: { 'min.insync.replicas': _isr, ...config } }) => ({ topic, numPartitions, config })).sort(byTopic)).toEqual(expected.sort(byTopic));
    for (const { replication, config } of listed) expect([replication, config['min.insync.replicas']]).toEqual([3, '2']);
  });
});

function byTopic(a: { topic: string }, b: { topic: string }): number {
  return a.topic.localeCompare(b.topic);
}
