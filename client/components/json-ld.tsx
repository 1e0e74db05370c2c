// Structured data for search engines, as <script type="application/ld+json">, rendered on the server.
/**
 * JSON that is safe inside a script element: "<" is written as \u003c (still the same JSON),
 * so no text in the data ("</script>", "<!--") can end or change the element.
 */
function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function JsonLd(props: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" innerHTML={scriptSafeJson(props.data)} />;
}
