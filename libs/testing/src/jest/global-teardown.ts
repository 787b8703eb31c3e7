export default async function globalTeardown(): Promise<void> {
  const infrastructure = globalThis.__motcuaInfrastructure;
  globalThis.__motcuaInfrastructure = undefined;
  await infrastructure?.stop();
}
