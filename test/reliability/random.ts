import { mulberry32 } from '../emulator/faults';
// A small seeded PRNG (mulberry32) so that every generated case can be replayed.
export const rng: (seed: number) => () => number = mulberry32;

export function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}
