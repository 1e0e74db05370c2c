// What a failed part of a page carries into the HTML: Solid serializes the error a
// boundary caught, for hydration. A bug's error (message, stack, file names) must
// not get there; it goes to the reporter (the server's log) instead.
import { describe, expect, it } from 'bun:test';
import { createResource, type JSX } from 'solid-js';
import { renderToStringAsync } from 'solid-js/web';
import { PageDataError, RenderErrorContext } from '../page-error.ts';
import { Guarded } from './guarded.tsx';

async function render(Part: () => JSX.Element) {
  const reported: unknown[] = [];
  const html = await renderToStringAsync(() => (
    <RenderErrorContext.Provider value={(error) => reported.push(error)}>
      <main>
        <Guarded>
          <Part />
        </Guarded>
      </main>
    </RenderErrorContext.Provider>
  ));
  return { html, reported };
}

function Broken() {
  const text: unknown = ['not', 'text'];
  return <p>{(text as string).trim()}</p>;
}

function BrokenResource() {
  const [data] = createResource(
    () => (['not', 'text'] as unknown as string).trim(),
    async (q) => q,
  );
  return <p>{data()}</p>;
}

function RefusedData() {
  const [data] = createResource(async () => {
    throw new PageDataError('BAD_REQUEST', 'page: must be at least 1');
  });
  return <p>{String(data())}</p>;
}

describe('a failed part of a page', () => {
  for (const [name, Part] of [
    ['a component that throws', Broken],
    ['a resource whose source throws', BrokenResource],
  ] as const) {
    it(`shows the error page and keeps the error's details out of the HTML (${name})`, async () => {
      const { html, reported } = await render(Part);
      expect(html).toContain('Something went wrong');
      expect(html).not.toContain('trim is not a function');
      expect(html).not.toMatch(/stack|sourceURL|guarded\.test/);
      expect(reported).toHaveLength(1);
      expect(String(reported[0])).toContain('trim is not a function');
    });
  }

  it('carries a refused query as its code and message only, and does not report it as a bug', async () => {
    const { html, reported } = await render(RefusedData);
    expect(html).toContain('code:"BAD_REQUEST"');
    expect(html).not.toMatch(/stack|sourceURL|line:|column:|guarded\.test/);
    expect(reported).toEqual([]);
  });
});
