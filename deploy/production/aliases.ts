import Module from 'node:module';
import { join } from 'node:path';
import { compilerOptions } from '../../tsconfig.base.json';

/**
 * The compiled code still requires `@motcua/<lib>` as the sources do. Each alias is mapped to its
 * compiled file from the same `paths` the compiler and Jest read, so the three cannot disagree.
 * Development resolves them with tsconfig-paths, a development dependency the image leaves out;
 * these few lines are all the run time needs. Loaded first by run.ts, before any service module.
 */
const distRoot = join(__dirname, '..', '..');
const targets = new Map(Object.entries(compilerOptions.paths).map(([alias, [source]]) => [alias, join(distRoot, source.replace(/\.ts$/, '.js'))]));

type Resolve = (this: unknown, request: string, ...rest: unknown[]) => string;
// Node's CommonJS resolver, the hook tsconfig-paths and module-alias use as well (not in @types/node).
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return resolve.call(this, targets.get(request) ?? request, ...rest);
};
