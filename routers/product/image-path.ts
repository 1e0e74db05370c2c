// Where a product's generated picture lives (drawn by the server from the slug).
export function productImagePath(slug: string): string {
  return `/img/products/${slug}.svg`;
}
