// A large, realistic catalog for the benchmark (and for anyone who wants to see the
// shop at scale): product names and descriptions composed from per-category word
// lists, so full-text search has real words to rank, stems to fold and typos to
// correct. Deterministic (seeded PRNG): the same count gives the same catalog.
//
// Seeded in bulk: the demo catalog first (categories, coupons, the 130 hand-written
// products), then generated products in multi-row INSERTs inside one transaction;
// the FTS triggers index them as they go. 100,000 products take a few tens of seconds.
import type { Db } from '../../db/database.ts';
import { productImagePath } from '../../routers/product/image-path.ts';
import { seedCatalog } from '../seed/catalog.ts';
import { seededRandom } from '../seeded-random.ts';

interface CategoryWords {
  /** What the products are: "Sweater", "Hiking Boot"… */
  nouns: string[];
  /** What they are made of or what kind they are. */
  kinds: string[];
  /** Price range in dollars. */
  price: [number, number];
  /** Phrases for the description. */
  features: string[];
  uses: string[];
}

const ADJECTIVES = [
  'Classic', 'Everyday', 'Heritage', 'Lightweight', 'Heavyweight', 'Premium', 'Essential', 'Vintage', 'Modern', 'Rugged',
  'Compact', 'Deluxe', 'Organic', 'Handmade', 'Recycled', 'Travel', 'Signature', 'Artisan', 'Minimalist', 'Nordic',
  'Coastal', 'Alpine', 'Urban', 'Studio', 'Weekend', 'Field', 'Cozy', 'Sturdy', 'Soft', 'Bold',
];

const COLORS = [
  'Black', 'Charcoal', 'Navy', 'Olive', 'Sand', 'Rust', 'Forest Green', 'Slate Blue', 'Cream', 'Burgundy', 'Oatmeal',
  'Sage', 'Terracotta', 'Indigo', 'Mustard', 'Stone Grey', 'Ivory', 'Copper', 'Teal', 'Plum',
];

const BRANDS = [
  'Northwind', 'Harbor & Pine', 'Fieldstone', 'Copperline', 'Bluebird', 'Oakhollow', 'Ridgeway', 'Larkspur', 'Tidewater',
  'Emberly', 'Granite Peak', 'Willowmere', 'Saltmarsh', 'Brightwater', 'Kestrel', 'Marigold', 'Foxglove', 'Redwood Row',
];

const WORDS: Record<string, CategoryWords> = {
  apparel: {
    nouns: ['Sweater', 'Hoodie', 'Crewneck Sweatshirt', 'T-Shirt', 'Henley', 'Flannel Shirt', 'Chore Jacket', 'Parka', 'Rain Jacket',
      'Chino Pants', 'Jeans', 'Cardigan', 'Beanie', 'Scarf', 'Wool Socks', 'Polo Shirt', 'Vest', 'Overshirt', 'Joggers', 'Shorts'],
    kinds: ['Merino Wool', 'Organic Cotton', 'Linen', 'Cashmere', 'Lambswool', 'Fleece', 'Waxed Canvas', 'Denim', 'Corduroy', 'Alpaca', 'Hemp', 'Jersey'],
    price: [18, 240],
    features: ['ribbed cuffs and hem', 'a relaxed, boxy fit', 'reinforced seams', 'a double-lined hood', 'two deep hand pockets',
      'garment-dyed color that softens with every wash', 'flatlock seams that never chafe', 'a tailored, tapered leg'],
    uses: ['layering on cold mornings', 'everyday wear', 'long weekends away', 'the office and beyond', 'travel days'],
  },
  footwear: {
    nouns: ['Hiking Boot', 'Trail Running Shoe', 'Sneaker', 'Chelsea Boot', 'Loafer', 'Sandal', 'Slipper', 'Rain Boot', 'Desert Boot', 'Court Shoe', 'Clog', 'Moccasin'],
    kinds: ['Leather', 'Suede', 'Waterproof', 'Canvas', 'Knit', 'Nubuck', 'Vegan Leather', 'Shearling-Lined', 'Cork'],
    price: [35, 320],
    features: ['a grippy rubber outsole', 'a cushioned footbed', 'a Goodyear-welted sole', 'a breathable mesh lining',
      'a padded collar', 'a waterproof membrane', 'a removable insole'],
    uses: ['rocky trails', 'city walks', 'rainy commutes', 'lazy Sunday mornings', 'long days on your feet'],
  },
  'home-kitchen': {
    nouns: ['Mug', 'Chef Knife', 'Skillet', 'Dutch Oven', 'Cutting Board', 'Mixing Bowl Set', 'Dinner Plate Set', 'Tea Towel', 'Kettle',
      'Saucepan', 'Baking Sheet', 'Salad Bowl', 'Water Carafe', 'Table Lamp', 'Throw Blanket', 'Storage Jar', 'Spatula', 'Colander'],
    kinds: ['Ceramic', 'Stoneware', 'Cast Iron', 'Stainless Steel', 'Walnut', 'Bamboo', 'Copper', 'Enamel', 'Porcelain', 'Glass', 'Olive Wood', 'Carbon Steel'],
    price: [9, 280],
    features: ['a hand-glazed finish', 'a riveted ergonomic handle', 'even heat from edge to edge', 'a dishwasher-safe build',
      'a non-slip base', 'a generous capacity', 'a pre-seasoned surface'],
    uses: ['weeknight dinners', 'slow Sunday brunches', 'entertaining friends', 'a well-stocked kitchen', 'your morning routine'],
  },
  'coffee-tea': {
    nouns: ['Whole Bean Coffee', 'Ground Coffee', 'Espresso Blend', 'Cold Brew Kit', 'Loose Leaf Tea', 'Green Tea', 'Black Tea', 'Herbal Tea',
      'Pour-Over Dripper', 'French Press', 'Burr Grinder', 'Tea Infuser', 'Matcha Powder', 'Chai Blend', 'Coffee Filters'],
    kinds: ['Ethiopia Yirgacheffe', 'Colombia Huila', 'Sumatra', 'Guatemala', 'Kenya AA', 'Darjeeling', 'Assam', 'Sencha', 'Earl Grey', 'Rooibos', 'Oolong', 'Decaf'],
    price: [8, 190],
    features: ['notes of dark chocolate and cherry', 'a bright, citrusy finish', 'a smooth, low-acid body', 'small-batch roasting',
      'hand-picked leaves', 'a precise, even grind', 'a double-wall glass carafe'],
    uses: ['slow mornings', 'the afternoon slump', 'sharing after dinner', 'your daily ritual', 'brewing at the office'],
  },
  electronics: {
    nouns: ['Wireless Headphones', 'Bluetooth Speaker', 'USB-C Charger', 'Power Bank', 'Mechanical Keyboard', 'Wireless Mouse', 'Webcam',
      'Desk Lamp', 'Smart Plug', 'Earbuds', 'Charging Cable', 'Laptop Stand', 'Monitor Arm', 'Portable SSD', 'Phone Case'],
    kinds: ['Noise-Cancelling', 'Fast-Charging', 'Compact', 'Ergonomic', 'Waterproof', 'Low-Profile', 'Braided', 'Magnetic', 'Rechargeable', 'Dual-Port'],
    price: [12, 399],
    features: ['up to 30 hours of battery life', 'a USB-C port', 'Bluetooth 5.3', 'an aluminium housing', 'a braided nylon cable',
      'hot-swappable switches', 'a two-year warranty'],
    uses: ['working from home', 'long flights', 'the daily commute', 'a tidy desk setup', 'gaming sessions'],
  },
  books: {
    nouns: ['Cookbook', 'Field Guide', 'Novel', 'Notebook', 'Sketchbook', 'Journal', 'Atlas', 'Poetry Collection', 'Travel Guide', 'Puzzle Book', 'Planner', 'Short Story Collection'],
    kinds: ['Hardcover', 'Paperback', 'Illustrated', 'Dot-Grid', 'Linen-Bound', 'Pocket', 'Large-Format', 'Spiral-Bound', 'Annotated'],
    price: [7, 85],
    features: ['acid-free paper', 'a lay-flat binding', 'full-color photographs', 'a sewn binding and ribbon marker',
      'more than 100 recipes', 'hand-drawn maps', 'a foreword by the author'],
    uses: ['curious readers', 'rainy afternoons', 'gift giving', 'planning your next trip', 'jotting down ideas'],
  },
  outdoor: {
    nouns: ['Tent', 'Sleeping Bag', 'Daypack', 'Camp Stove', 'Headlamp', 'Trekking Poles', 'Water Bottle', 'Camp Chair', 'Hammock',
      'Picnic Blanket', 'Cooler', 'Lantern', 'Rain Poncho', 'Dry Bag', 'Multi-Tool'],
    kinds: ['Ultralight', 'Insulated', 'Waterproof', 'Packable', 'Two-Person', 'Titanium', 'Ripstop Nylon', 'Solar', 'Collapsible', 'Four-Season'],
    price: [10, 450],
    features: ['a weight of under a kilogram', 'taped seams', 'a lifetime warranty', 'a roll-top closure', 'reflective trim',
      'a carry sack included', 'adjustable straps'],
    uses: ['weekend camping trips', 'long-distance hikes', 'beach days', 'backyard evenings', 'festival season'],
  },
  'toys-games': {
    nouns: ['Board Game', 'Jigsaw Puzzle', 'Building Set', 'Card Game', 'Wooden Blocks', 'Puppet', 'Kite', 'Marble Run', 'Chess Set',
      'Dominoes', 'Plush Toy', 'Train Set', 'Science Kit', 'Art Set', 'Party Game'],
    kinds: ['Wooden', 'Cooperative', 'Strategy', 'Family', '1000-Piece', 'Magnetic', 'Travel', 'Classic', 'Glow-in-the-Dark', 'Eco-Friendly'],
    price: [6, 160],
    features: ['pieces sized for small hands', 'non-toxic paints', 'a sturdy storage box', 'quick-start rules',
      'replayable scenarios', 'beautiful illustrations'],
    uses: ['family game night', 'rainy days indoors', 'birthday parties', 'curious young minds', 'grown-ups who like a challenge'],
  },
  beauty: {
    nouns: ['Face Cream', 'Body Lotion', 'Lip Balm', 'Shampoo Bar', 'Conditioner', 'Bath Salts', 'Hand Soap', 'Face Serum', 'Beard Oil',
      'Sunscreen', 'Cleansing Balm', 'Body Wash', 'Deodorant', 'Shaving Cream', 'Hair Brush'],
    kinds: ['Lavender', 'Unscented', 'Rosemary Mint', 'Shea Butter', 'Aloe Vera', 'Charcoal', 'Vitamin C', 'Oat Milk', 'Cedarwood', 'Sea Salt', 'Rosehip'],
    price: [5, 95],
    features: ['plant-based ingredients', 'no synthetic fragrance', 'a recyclable aluminium tin', 'cold-pressed oils',
      'a lightweight, non-greasy texture', 'dermatologist-tested formulas'],
    uses: ['sensitive skin', 'your evening routine', 'dry winter months', 'after a long day outdoors', 'travel kits'],
  },
  pantry: {
    nouns: ['Olive Oil', 'Hot Sauce', 'Spice Blend', 'Honey', 'Maple Syrup', 'Sea Salt Flakes', 'Pasta', 'Granola', 'Dark Chocolate Bar',
      'Balsamic Vinegar', 'Jam', 'Peanut Butter', 'Rice', 'Chili Crisp', 'Crackers'],
    kinds: ['Extra Virgin', 'Smoked', 'Wildflower', 'Organic', 'Small-Batch', 'Aged', 'Stone-Ground', 'Spicy', 'Single-Origin', 'Roasted Garlic', 'Lemon Herb'],
    price: [4, 65],
    features: ['cold-pressed from a single harvest', 'no added sugar', 'slow-cooked in small batches', 'a resealable jar',
      'fair-trade ingredients', 'a bold, smoky flavor'],
    uses: ['weeknight cooking', 'a well-stocked pantry', 'gifting to food lovers', 'weekend baking', 'the cheese board'],
  },
};

/** Queries a shopper would type into this catalog: the words above, alone and together, one misspelled. */
export const BENCH_QUERIES = [
  'coffee', 'wool sweater', 'leather boots', 'ceramic mug', 'tea', 'headphones', 'cast iron skillet', 'tent', 'board game',
  'olive oil', 'lavender', 'notebook', 'waterproof jacket', 'hiking', 'chocolate', 'kettle', 'socks', 'bluetooth speaker',
  'puzzle', 'honey', 'linen shirt', 'trail running shoe', 'espresso', 'cofee grinder',
];

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface GeneratedProduct {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  featured: boolean;
  categories: string[];
}

const CATEGORY_SLUGS = Object.keys(WORDS);

/** The n-th generated product (n from 0): the same n always gives the same product. */
export function generatedProduct(n: number): GeneratedProduct {
  const rnd = seededRandom(n * 7919 + 17);
  const category = CATEGORY_SLUGS[n % CATEGORY_SLUGS.length]!;
  const words = WORDS[category]!;
  const noun = pick(rnd, words.nouns);
  const kind = pick(rnd, words.kinds);
  const shape = rnd();
  const name =
    shape < 0.35 ? `${pick(rnd, ADJECTIVES)} ${kind} ${noun}`
    : shape < 0.6 ? `${pick(rnd, BRANDS)} ${kind} ${noun}`
    : shape < 0.85 ? `${kind} ${noun} in ${pick(rnd, COLORS)}`
    : `${pick(rnd, ADJECTIVES)} ${noun}`;
  const first = pick(rnd, words.features);
  const second = pick(rnd, words.features.filter((feature) => feature !== first));
  const description =
    `${rnd() < 0.5 ? 'Made' : 'Designed'} for ${pick(rnd, words.uses)}, with ${first} and ${second}. ` +
    `${pick(rnd, ['Just right for', 'A good pick for', 'Made to last through', 'Ready for'])} ${pick(rnd, words.uses)}` +
    `${rnd() < 0.5 ? `, in ${pick(rnd, COLORS).toLowerCase()}` : ''}.`;
  const [low, high] = words.price;
  // Prices end in .00, .50 or .99 as shop prices do.
  const dollars = Math.floor(low + (high - low) * rnd() ** 2);
  const priceCents = dollars * 100 + pick(rnd, [0, 50, 99]);
  const stock = rnd() < 0.08 ? 0 : rnd() < 0.1 ? 1 + Math.floor(rnd() * 5) : 6 + Math.floor(rnd() * 300);
  const categories = rnd() < 0.15 ? [category, pick(rnd, CATEGORY_SLUGS.filter((c) => c !== category))] : [category];
  return { slug: `${slugify(name)}-${n.toString(36)}`, name, description, priceCents, stock, featured: rnd() < 0.01, categories };
}

/** Rows per INSERT: 12 columns each, well under SQLite's 32,766 parameters. */
const BATCH = 500;

export interface CatalogProgress {
  (done: number, total: number): void;
}

/**
 * Seeds the demo catalog, then adds generated products until the catalog holds
 * `total` products (at least the demo's own). Returns how many products it holds.
 */
export async function seedLargeCatalog(db: Db, total: number, now: number, progress?: CatalogProgress): Promise<number> {
  await seedCatalog(db, now);
  const have = Number((await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const wanted = Math.max(0, total - have);
  if (wanted === 0) return have;
  const categoryIds = new Map((await db.selectFrom('categories').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id]));
  const firstId = Number((await db.selectFrom('products').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow()).max ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < wanted; start += BATCH) {
      const products = Array.from({ length: Math.min(BATCH, wanted - start) }, (_, i) => ({ id: firstId + start + i, ...generatedProduct(start + i) }));
      await trx
        .insertInto('products')
        .values(
          products.map((p, i) => ({
            id: p.id,
            slug: p.slug,
            name: p.name,
            description: p.description,
            priceCents: p.priceCents,
            stock: p.stock,
            imageUrl: productImagePath(p.slug),
            featured: p.featured ? 1 : 0,
            featuredAt: p.featured ? now - (start + i) * 1000 : null,
            // Older than the demo catalog, one minute apart, so "newest" has a stable order.
            createdAt: now - (wanted - start - i + 1000) * 60_000,
            updatedAt: now,
          })),
        )
        .execute();
      await trx
        .insertInto('product_categories')
        .values(products.flatMap((p) => p.categories.map((slug) => ({ productId: p.id, categoryId: categoryIds.get(slug)! }))))
        .execute();
      progress?.(have + start + products.length, total);
    }
  });
  return total;
}
