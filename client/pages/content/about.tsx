// /about: who runs the shop and what it stands for.
import { ContentPage } from './content-page.tsx';
import { RETURN_DAYS } from '../../../routers/shared/returns-policy.ts';

export function AboutPage() {
  return (
    <ContentPage
      eyebrow="Company"
      title="About us"
      heading="About GoMall"
      lead="A small team with a simple idea: the things you use every day should be well made, fairly priced and easy to buy."
      description="GoMall is an independent online shop for everyday essentials: apparel, coffee, kitchen, electronics, books and more, chosen with care and fairly priced."
      path="/about"
    >
      {(shop) => (
        <>
          <h2>Who we are</h2>
          <p>
            GoMall began as a handful of people tired of scrolling through endless listings to find one good kettle. So we
            started choosing for you: a tight range of clothing, footwear, kitchenware, coffee and tea, electronics, books,
            outdoor gear, toys, beauty and pantry staples, each picked because we would happily use it ourselves.
          </p>

          <h2>What we care about</h2>
          <ul>
            <li>
              <strong>Things that last.</strong> We favour durable materials and makers who stand behind their products.
            </li>
            <li>
              <strong>Honest prices.</strong> The price you see is the price you pay for the item; shipping and tax are shown in
              your cart before you check out, never added by surprise.
            </li>
            <li>
              <strong>Straight answers.</strong> A person reads every message we get. See our <a href="/contact">contact page</a>.
            </li>
            <li>
              <strong>Easy returns.</strong> {RETURN_DAYS} days to change your mind. <a href="/returns">Here is how it works</a>.
            </li>
          </ul>

          <h2>Where we are</h2>
          <p>
            Our team and warehouse are at <strong>{shop.address}</strong>. Orders are packed there and usually ship within one
            business day.
          </p>
        </>
      )}
    </ContentPage>
  );
}
