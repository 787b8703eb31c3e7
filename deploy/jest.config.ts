import { pathsToModuleNameMapper } from 'ts-jest';
import { compilerOptions } from '../tsconfig.base.json';

/**
 * The deployment's own checks: the manifests (k8s/), the Compose file and the production build
 * (production/). Not an Nx project, so the root jest.config.ts names it; one level deep, so the
 * aliases are mapped from here rather than by the preset.
 */
export default {
  displayName: 'deploy',
  preset: '../jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/k8s', '<rootDir>/production'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../' }),
};
