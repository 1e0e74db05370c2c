import { describe, expect, it } from 'bun:test';
import { acceptsGzip } from './accepts-gzip.ts';

describe('Accept-Encoding and gzip', () => {
  it('takes gzip when the client names it or allows anything, in any case', () => {
    for (const header of ['gzip', 'gzip, deflate, br', 'GZIP', 'br;q=1, gzip;q=0.5', '*', 'br, *;q=0.1']) expect({ header, gzip: acceptsGzip(header) }).toEqual({ header, gzip: true });
  });

  it('sends no gzip to a client that refuses it, even when it allows anything else, or says nothing', () => {
    for (const header of [undefined, '', 'br', 'identity', 'gzip;q=0', 'gzip;q=0, *;q=1', '*;q=0']) expect({ header, gzip: acceptsGzip(header) }).toEqual({ header, gzip: false });
  });
});
