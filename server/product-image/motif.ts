// What a product's picture shows, read from the words of its slug: the object's icon and
// its colourway. Pure and deterministic, so the picture needs no database read.
import type { IconName } from './icons.ts';

/** Slug words (singular or plural as products are named) → the icon that draws the object. */
const WORD_ICONS: Record<string, IconName> = {
  // apparel
  sweatshirt: 'hoodie', hoodie: 'hoodie', hooded: 'hoodie', fleece: 'hoodie',
  tee: 't-shirt', tank: 't-shirt', shirt: 'shirt-folded', flannel: 'shirt-folded',
  socks: 'sock', sock: 'sock', pants: 'pants', chino: 'pants', jeans: 'pants',
  jacket: 'coat-hanger', vest: 'coat-hanger', coat: 'coat-hanger', dress: 'dress',
  beanie: 'beanie', cap: 'baseball-cap', hat: 'baseball-cap', belt: 'belt', sweater: 'yarn', scarf: 'yarn',
  // footwear
  boots: 'boot', boot: 'boot', sneakers: 'sneaker', sneaker: 'sneaker', shoes: 'sneaker-move',
  slippers: 'sneaker', sandals: 'sneaker', loafers: 'sneaker', trees: 'tree-evergreen', spray: 'spray-bottle',
  // home & kitchen
  oven: 'cooking-pot', pot: 'cooking-pot', torch: 'flame', knife: 'knife', board: 'bread',
  bowl: 'bowl-food', towels: 'towel', towel: 'towel', laundry: 'basket', plates: 'fork-knife',
  mat: 'cookie', containers: 'jar', jar: 'jar', skillet: 'egg', pan: 'egg', mixer: 'cake',
  spoon: 'fork-knife', wraps: 'hexagon',
  // coffee & tea
  espresso: 'coffee-bean', beans: 'coffee-bean', bean: 'coffee-bean', kettle: 'drop', dripper: 'funnel',
  filters: 'funnel', grinder: 'coffee-bean', press: 'coffee', machine: 'coffee', coffee: 'coffee-bean',
  tea: 'tea-bag', matcha: 'leaf', mug: 'coffee', cup: 'coffee',
  // electronics
  headphones: 'headphones', earbuds: 'ear', speaker: 'speaker-hifi', charger: 'plug-charging',
  cable: 'usb', keyboard: 'keyboard', mouse: 'mouse', webcam: 'webcam', lamp: 'lamp',
  reader: 'device-tablet', tablet: 'device-tablet', bank: 'battery-charging', headset: 'headphones',
  plug: 'plug', ssd: 'hard-drive', drive: 'hard-drive', laptop: 'laptop',
  // books
  handbook: 'book-open', cookbook: 'book-open-text', birds: 'bird', houseplants: 'potted-plant',
  notebook: 'notebook', novel: 'book', sourdough: 'bread', sky: 'moon-stars', watercolor: 'palette',
  bookmark: 'bookmark', poetry: 'feather', book: 'book-open', books: 'book-open', guide: 'book-open-text',
  // outdoor
  tent: 'tent', sleeping: 'moon-stars', bottle: 'drop', poles: 'mountains', stove: 'campfire',
  headlamp: 'flashlight', hammock: 'tree', daypack: 'backpack', backpack: 'backpack', chair: 'chair',
  cooler: 'snowflake', aid: 'first-aid-kit', picnic: 'basket',
  // toys & games
  pinata: 'confetti', rainbow: 'rainbow', game: 'dice-five', puzzle: 'puzzle-piece', tiles: 'shapes',
  teddy: 'heart', cards: 'cards', truck: 'truck', kite: 'wind', easel: 'palette', sticker: 'sticker',
  dice: 'dice-five', train: 'train',
  // beauty
  serum: 'drop-half', sunscreen: 'sun', cream: 'hand', toothbrush: 'tooth', balm: 'heart-straight',
  clay: 'sparkle', dryer: 'hair-dryer', beard: 'drop-half', toner: 'flower', soap: 'bathtub',
  parfum: 'flower-lotus', perfume: 'flower-lotus',
  // pantry
  sauce: 'pepper', oil: 'drop', paprika: 'pepper', honey: 'hexagon', salt: 'grains', vinegar: 'wine',
  spaghetti: 'bowl-food', pasta: 'bowl-food', chocolate: 'cookie', syrup: 'leaf', saffron: 'flower',
  granola: 'grains', crisp: 'flame', gift: 'gift', wine: 'wine',
};

/** Several mask ("sleep mask", "clay mask") or board ("cutting board", "board game") objects read better by the pair. */
const PAIR_ICONS: Record<string, IconName> = {
  'sleep-mask': 'moon', 'board-game': 'dice-five', 'water-bottle': 'drop', 'gift-box': 'gift',
};

/** Pictures for products no word names: generic but still goods, never initials. */
const FALLBACK_ICONS: IconName[] = ['shopping-bag-open', 'package', 'gift', 'sparkle'];

/** Every icon a picture can use: the icon generator extracts exactly these from the set. */
export const MOTIF_ICONS: IconName[] = [
  ...new Set<IconName>([...Object.values(WORD_ICONS), ...Object.values(PAIR_ICONS), ...FALLBACK_ICONS, 'potted-plant']),
];

/** Colour words in names → hue and saturation (neutrals are barely saturated). */
const COLOUR_WORDS: Record<string, [hue: number, saturation: number]> = {
  black: [220, 10], charcoal: [220, 12], carbon: [215, 14], steel: [210, 14], stainless: [205, 16], aluminum: [210, 12],
  white: [40, 20], cream: [40, 45], creme: [35, 45], linen: [38, 30], canvas: [40, 28], oat: [38, 32], wool: [32, 26],
  lambswool: [32, 30], merino: [30, 24], shearling: [30, 34], cotton: [200, 24], silk: [320, 30],
  red: [0, 62], rose: [345, 55], rosewater: [345, 52], jalapeno: [110, 45], chili: [8, 65], paprika: [12, 62],
  green: [130, 40], matcha: [95, 45], sencha: [100, 40], olive: [75, 35], olivewood: [60, 30], sage: [120, 22],
  blue: [215, 55], navy: [225, 50], sea: [195, 50], coast: [190, 40], lake: [200, 50], harbor: [205, 45], sky: [210, 55],
  yellow: [48, 75], honey: [40, 70], saffron: [35, 80], beeswax: [44, 70], gold: [45, 65], brass: [42, 55],
  brown: [25, 40], walnut: [25, 40], chocolate: [20, 42], coffee: [25, 38], espresso: [22, 40], leather: [24, 45],
  suede: [28, 38], cedar: [18, 45], maple: [28, 55], pecan: [26, 45], sandalwood: [30, 35], balsamic: [340, 30],
  purple: [275, 40], lavender: [265, 40], pink: [335, 55], orange: [25, 75], copper: [18, 55],
  night: [235, 40], star: [50, 70], teal: [175, 45], mint: [155, 40],
};

export interface Motif {
  icon: IconName;
  hue: number;
  saturation: number;
  /** 0..2^32, for the little variations (angles, patterns) that must stay the same per slug. */
  seed: number;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** `table[key]`, only for its own keys: a slug word like "constructor" must not find Object's. */
const own = <V>(table: Record<string, V>, key: string): V | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** The icon of the object the slug names, or undefined when no word of it names one. */
export function namedIcon(slug: string): IconName | undefined {
  const words = slug.split('-');
  let icon: IconName | undefined;
  for (let i = 0; i < words.length - 1 && !icon; i++) icon = own(PAIR_ICONS, `${words[i]}-${words[i + 1]}`);
  // The last naming word is the object ("Shearling Lined Slippers"); earlier ones describe it.
  for (let i = words.length - 1; i >= 0 && !icon; i--) icon = own(WORD_ICONS, words[i]!);
  return icon;
}

export function motifFor(slug: string): Motif {
  const seed = hash(slug);
  const words = slug.split('-');
  const icon = namedIcon(slug) ?? FALLBACK_ICONS[seed % FALLBACK_ICONS.length]!;
  const colour = words.map((w) => own(COLOUR_WORDS, w)).find((c) => c !== undefined);
  const [hue, saturation] = colour ?? [seed % 360, 45];
  return { icon, hue, saturation, seed };
}
