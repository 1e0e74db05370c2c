import type { Clock } from '../../routers/ports.ts';

export const systemClock: Clock = { now: () => Date.now() };
