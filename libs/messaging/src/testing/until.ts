/**
 * Polls until a condition holds or a minute passes. The messaging lib's own specs use it: they
 * cannot use the shared test kit (libs/testing), which is built on this lib.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
