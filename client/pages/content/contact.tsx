// /contact: how to reach the shop (email, post) and when someone answers.
import { ContentPage } from './content-page.tsx';

export function ContactPage() {
  return (
    <ContentPage
      eyebrow="Help"
      title="Contact us"
      lead="Real people answer every message, usually within a few hours on business days."
      description="Contact GoMall customer service by email or post. We answer Monday to Friday, 9 am to 5 pm Pacific time, within one business day."
      path="/contact"
    >
      {(shop) => (
        <>
          <div class="grid gap-4 sm:grid-cols-2 my-2">
            <section aria-labelledby="contact-email" class="rounded-lg bg-brand-50 p-5">
              <span aria-hidden="true" class="i-ph-envelope-simple-duotone text-3xl text-brand-700" />
              <h2 id="contact-email" class="!mt-2 !mb-1 !text-lg">
                Email
              </h2>
              <p class="!my-0">
                <a href={`mailto:${shop.email}`}>{shop.email}</a>
              </p>
              <p class="!mt-2 !mb-0 text-sm">The fastest way to reach us. Include your order number if you have one.</p>
            </section>
            <section aria-labelledby="contact-post" class="rounded-lg bg-gray-50 p-5">
              <span aria-hidden="true" class="i-ph-map-pin-duotone text-3xl text-brand-700" />
              <h2 id="contact-post" class="!mt-2 !mb-1 !text-lg">
                Post
              </h2>
              <address class="not-italic">{shop.address}</address>
              <p class="!mt-2 !mb-0 text-sm">Returns go to this address too; see our <a href="/returns">returns page</a> first.</p>
            </section>
          </div>

          <h2>Opening hours</h2>
          <ul>
            <li>
              <strong>Monday to Friday:</strong> 9 am – 5 pm Pacific time
            </li>
            <li>
              <strong>Saturday, Sunday and US public holidays:</strong> closed. Messages sent then are answered first thing on the
              next business day.
            </li>
          </ul>

          <h2>Before you write</h2>
          <p>
            Where is my order? Your <a href="/orders">orders page</a> shows each order’s status, and we email you when it ships.
            Rates and delivery times are on our <a href="/shipping">shipping page</a>, and how to send something back on our{' '}
            <a href="/returns">returns page</a>.
          </p>
        </>
      )}
    </ContentPage>
  );
}
