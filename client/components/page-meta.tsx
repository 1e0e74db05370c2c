// A page's head in one place: its title and description, the canonical address search
// engines file it under, and the Open Graph and Twitter card tags that link previews
// are drawn from. Pages that are one visitor's own (cart, account, search results…)
// say noindex and name no canonical address.
//
// Use it once per page: @solidjs/meta merges two <Meta>s only when their content is
// the same too, so a second PageMeta would double the tags that differ.
import { Meta, MetaContext, Title, useHead } from '@solidjs/meta';
import { createUniqueId, Show, useContext } from 'solid-js';
import { isServer } from 'solid-js/web';
import { useAbsoluteUrl } from '../site.ts';

export const SITE_NAME = 'GoMall';
/** Search results and previews show about this much of a description. */
const DESCRIPTION_CHARS = 160;

export interface PageMetaProps {
  /** The document title, " — GoMall" included. */
  title: string;
  /** What a link preview shows as the title (the product's name, say); defaults to `title`. */
  shareTitle?: string;
  description?: string;
  /** The page's canonical path and query ("/category/coffee-tea?page=2"): indexable pages only. */
  path?: string;
  /** The picture of a preview (absolute or from this site), and its text alternative (default: the share title). */
  image?: string;
  imageAlt?: string;
  type?: 'website' | 'product' | 'article';
  /** Keep the page out of search engines (no canonical address either). */
  noindex?: boolean;
}

/** `text` cut at a word to at most `max` characters, with an ellipsis when cut. */
export function shortened(text: string, max = DESCRIPTION_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The server's canonical link of each render (one per MetaProvider). */
const canonicalOf = new WeakMap<object, { props: Record<string, unknown>; id: string }>();

/**
 * <link rel="canonical">, once per page. The server provider of @solidjs/meta keeps
 * only the last <Title> or <Meta> of a kind but every <Link>, and a page is rendered
 * again when what it waits for arrives: a second render takes over the first's tag
 * (its own id too, so that hydration finds the tag) instead of adding another.
 */
function CanonicalLink(props: { href: string }) {
  const tag = { tag: 'link', props: { rel: 'canonical', get href() { return props.href; } }, id: createUniqueId(), name: 'canonical' };
  const head = useContext(MetaContext);
  const earlier = isServer && head ? canonicalOf.get(head) : undefined;
  if (earlier) Object.assign(earlier, { props: tag.props, id: tag.id });
  else {
    if (isServer && head) canonicalOf.set(head, tag);
    useHead(tag);
  }
  return null;
}

export function PageMeta(props: PageMetaProps) {
  const absoluteUrl = useAbsoluteUrl();
  const shareTitle = () => props.shareTitle ?? props.title;
  const description = () => (props.description ? shortened(props.description) : undefined);
  const url = () => (props.path && !props.noindex ? absoluteUrl(props.path) : undefined);
  const image = () => (props.image ? absoluteUrl(props.image) : undefined);
  return (
    <>
      <Title>{props.title}</Title>
      <Show when={description()}>{(text) => <Meta name="description" content={text()} />}</Show>
      <Show when={props.noindex}>
        <Meta name="robots" content="noindex" />
      </Show>
      <Show when={url()}>{(href) => <CanonicalLink href={href()} />}</Show>
      <Meta property="og:site_name" content={SITE_NAME} />
      <Meta property="og:type" content={props.type ?? 'website'} />
      <Meta property="og:title" content={shareTitle()} />
      <Show when={description()}>{(text) => <Meta property="og:description" content={text()} />}</Show>
      <Show when={url()}>{(href) => <Meta property="og:url" content={href()} />}</Show>
      <Meta name="twitter:card" content={image() ? 'summary_large_image' : 'summary'} />
      <Meta name="twitter:title" content={shareTitle()} />
      <Show when={description()}>{(text) => <Meta name="twitter:description" content={text()} />}</Show>
      <Show when={image()}>
        {(src) => (
          <>
            <Meta property="og:image" content={src()} />
            <Meta property="og:image:alt" content={props.imageAlt ?? shareTitle()} />
            <Meta name="twitter:image" content={src()} />
            <Meta name="twitter:image:alt" content={props.imageAlt ?? shareTitle()} />
          </>
        )}
      </Show>
    </>
  );
}
