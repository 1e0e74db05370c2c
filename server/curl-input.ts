// curl treats `{…}` in a URL as a glob and strips the braces, so
// `curl '/trpc/product.list?input={"pageSize":5}'` arrives as `input="pageSize":5`.
// We restore the braces when that is the only way the input parses as JSON,
// so the documented one-liner works without `curl -g`.
export function restoreCurlGlobbedInput(req: Request): Request {
  if (req.method !== 'GET') return req;
  const url = new URL(req.url);
  const input = url.searchParams.get('input');
  if (input === null || parses(input) || !parses(`{${input}}`)) return req;
  url.searchParams.set('input', `{${input}}`);
  return new Request(url, req);
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
