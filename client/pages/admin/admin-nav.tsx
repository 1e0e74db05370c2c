/** The console's sections, on each of its pages. */
export function AdminNav(props: { current: 'dashboard' | 'products' | 'orders' | 'coupons' | 'campaigns' | 'jobs' | 'mailbox' }) {
  const link = (section: typeof props.current, label: string) => (
    <li>
      <a
        href={section === 'dashboard' ? '/admin' : `/admin/${section}`}
        aria-current={props.current === section ? 'page' : undefined}
        class={`block px-3 py-1.5 rounded text-sm no-underline ${props.current === section ? 'bg-gray-900 text-white' : 'text-gray-800 hover:bg-gray-200'}`}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label="Admin" class="mb-4">
      <ul class="flex flex-wrap gap-2 list-none m-0 p-0">
        {link('dashboard', 'Dashboard')}
        {link('products', 'Products')}
        {link('orders', 'Orders')}
        {link('coupons', 'Coupons')}
        {link('campaigns', 'Campaigns')}
        {link('jobs', 'Jobs')}
        {link('mailbox', 'Mailbox')}
      </ul>
    </nav>
  );
}
