// A plain-text answer for routes that are not pages (form posts that cannot run, unknown paths).
export const plainText = (text: string, status: number) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
