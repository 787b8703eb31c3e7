import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceEntry {
  name: string;
  main: string;
  port: number;
}

/** Default ports (DESIGN.md): a service missing here gets the next free number from 3010. */
const PORTS: Record<string, number> = {
  ops: 3000,
  intake: 3001,
  processing: 3002,
  payment: 3003,
  digitisation: 3004,
  issuance: 3005,
  projections: 3006,
  /** The simulated payment platform (development and tests only). */
  'payment-platform': 3013,
};

/** Every Nx application under services/ with a src/main.ts. */
export function discoverServices(root: string): ServiceEntry[] {
  const dir = join(root, 'services');
  if (!existsSync(dir)) return [];
  let next = 3010;
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'project.json')) && existsSync(join(dir, name, 'src', 'main.ts')))
    .filter((name) => JSON.parse(readFileSync(join(dir, name, 'project.json'), 'utf8')).projectType === 'application')
    .sort((a, b) => (PORTS[a] ?? 99) - (PORTS[b] ?? 99) || a.localeCompare(b))
    .map((name) => ({ name, main: join(dir, name, 'src', 'main.ts'), port: PORTS[name] ?? next++ }));
}
