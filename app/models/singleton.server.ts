/**
 * One value per process, made on first use. The server (loaded by tsx) and the Remix build (bundled)
 * each load their own copy of a module, so a module-level variable would be two values: the value
 * lives on `globalThis` under a registry symbol (`Symbol.for`), which every copy finds.
 */
export function singleton<T>(name: string, make: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`yishiting.${name}`);
  return (holder[key] ??= make());
}
