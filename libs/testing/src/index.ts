export * from './eventually';
export * from './names';
export * from './infra/infrastructure';
export * from './infra/postgres';
export * from './infra/kafka';
export * from './infra/free-port';
export * from './infra/workspace';
export * from './infra/containers';
