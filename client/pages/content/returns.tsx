// /returns: the returns policy (RETURN_DAYS) and how to send something back.
import { ContentPage } from './content-page.tsx';
import { RETURN_DAYS } from '../../../routers/shared/returns-policy.ts';

export function ReturnsPage() {
  return (
    <ContentPage
      eyebrow="Help"
      title="Returns & refunds"
      lead={`Not quite right? Send it back within ${RETURN_DAYS} days of delivery and we will refund you in full.`}
      description={`GoMall returns policy: ${RETURN_DAYS} days from delivery, full refunds to your original payment method, free returns for anything faulty.`}
      path="/returns"
    >
      {(shop) => (
        <>
          <h2>Our {RETURN_DAYS}-day promise</h2>
          <p>
            You can return most items within <strong>{RETURN_DAYS} days of delivery</strong> for a full refund of the item’s price. Items
            should be unused and in their original packaging, with any tags still attached.
          </p>
          <p>
            If something arrives damaged or faulty, or we sent the wrong thing, the return is on us: we refund the item and the
            shipping, and send a prepaid label.
          </p>

          <h2>What we cannot take back</h2>
          <ul>
            <li>Opened food, coffee and tea, for food-safety reasons</li>
            <li>Opened beauty and personal care products</li>
          </ul>

          <h2>How to return an item</h2>
          <ul>
            <li>
              Email us at <a href={`mailto:${shop.email}`}>{shop.email}</a> with your order number (you will find it on your{' '}
              <a href="/orders">orders page</a>) and what you would like to send back.
            </li>
            <li>We reply within one business day with your return authorisation.</li>
            <li>
              Pack the items securely and send them to: <strong>{shop.address}</strong>.
            </li>
          </ul>

          <h2>Refunds</h2>
          <p>
            Once your return arrives we check it and refund you to the card you paid with, usually within 5 business days. Your
            bank may take a few more days to show it. Original shipping is refunded when the return is because of our mistake.
          </p>

          <h2>Changed your mind before paying?</h2>
          <p>
            An order that is still waiting for payment can be cancelled from your <a href="/orders">orders page</a>: the items
            go back on the shelf and nothing is charged.
          </p>
        </>
      )}
    </ContentPage>
  );
}
