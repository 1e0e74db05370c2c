// Where a product's generated pictures live (drawn by the server from the slug): the main one at
// <slug>.svg, the other views at <slug>.<n>.svg (a dot cannot be in a slug, so no name is ambiguous).
export function productImagePath(slug: string, view = 1): string {
  return view === 1 ? `/img/products/${slug}.svg` : `/img/products/${slug}.${view}.svg`;
}

/** What each generated view shows, in gallery order; the alt text adds it to the product's name. */
export const PRODUCT_IMAGE_VIEWS = ['', 'close-up', 'pattern in its colourway', 'on a shelf'] as const;

export interface ProductImage {
  url: string;
  alt: string;
}

/** The product's pictures: every generated view, or the one picture an admin gave it. */
export function productImages(product: { slug: string; name: string; imageUrl: string }): ProductImage[] {
  if (product.imageUrl !== productImagePath(product.slug)) return [{ url: product.imageUrl, alt: product.name }];
  return PRODUCT_IMAGE_VIEWS.map((view, i) => ({
    url: productImagePath(product.slug, i + 1),
    alt: view ? `${product.name}, ${view}` : product.name,
  }));
}
