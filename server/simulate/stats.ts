// What the simulation counts: requests by outcome, and their latencies in a
// log-scale histogram (about 5 % resolution, constant memory for hours of soak).

const BUCKETS_PER_DOUBLING = 16;
const MAX_BUCKET = 30 * BUCKETS_PER_DOUBLING;

export class Latencies {
  #counts = new Uint32Array(MAX_BUCKET + 1);
  #total = 0;

  add(ms: number): void {
    const bucket = Math.min(MAX_BUCKET, Math.max(0, Math.ceil(Math.log2(Math.max(ms, 0.01) * 100) * BUCKETS_PER_DOUBLING)));
    this.#counts[bucket]!++;
    this.#total++;
  }

  /** The latency below which `p` (0..1) of the requests fell, in ms (upper edge of its bucket); 0 with none. */
  percentile(p: number): number {
    if (this.#total === 0) return 0;
    const wanted = Math.ceil(this.#total * p);
    let seen = 0;
    for (let bucket = 0; bucket <= MAX_BUCKET; bucket++) {
      seen += this.#counts[bucket]!;
      if (seen >= wanted) return 2 ** (bucket / BUCKETS_PER_DOUBLING) / 100;
    }
    return Infinity;
  }
}

export interface Counts {
  requests: number;
  /** 5xx answers. */
  serverErrors: number;
  /** Requests that got no answer (connection refused or reset, timeout). */
  networkErrors: number;
  /** 4xx answers the shop should never give this traffic (a bad request, a refused origin…). */
  unexpected: number;
  /** 4xx answers that are part of shopping: sold out, rate limited, a cart that changed. */
  refusals: number;
  pages: number;
  searches: number;
  cartAdds: number;
  signUps: number;
  orders: number;
  paid: number;
  declined: number;
  cancelled: number;
}

export const zeroCounts = (): Counts => ({
  requests: 0,
  serverErrors: 0,
  networkErrors: 0,
  unexpected: 0,
  refusals: 0,
  pages: 0,
  searches: 0,
  cartAdds: 0,
  signUps: 0,
  orders: 0,
  paid: 0,
  declined: 0,
  cancelled: 0,
});
