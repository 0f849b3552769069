/**
 * Who visits the demo repository: countries (with /24 blocks that the bundled geoip-country
 * database maps to them, so raw hits come out with the same countries as processed events),
 * referrers, browsers and crawlers. Nothing is sent anywhere; the addresses only feed the
 * importer's offline lookup. A share of visitors use documentation ranges (RFC 5737), which map
 * to no country, as unknown locations do in real logs.
 */

export const COUNTRIES: readonly { code: string; weight: number; blocks: readonly string[] }[] = [
  { code: 'US', weight: 22, blocks: ['47.0.0', '207.128.128', '161.0.0', '35.0.0'] },
  { code: 'DE', weight: 8, blocks: ['89.0.64', '53.0.0', '91.0.0', '145.64.0'] },
  { code: 'GB', weight: 7, blocks: ['25.0.0', '51.64.0', '107.56.0', '185.120.0'] },
  { code: 'FR', weight: 6, blocks: ['81.64.0', '163.64.0', '109.0.0', '93.0.0'] },
  { code: 'CN', weight: 6, blocks: ['157.0.0', '211.64.0', '163.0.0', '39.0.0'] },
  { code: 'IN', weight: 6, blocks: ['65.0.56', '61.0.0', '121.0.56', '101.0.56'] },
  { code: 'BR', weight: 4, blocks: ['187.64.128', '143.0.0', '201.64.128', '177.0.0'] },
  { code: 'CA', weight: 4, blocks: ['135.0.0', '69.57.0', '209.128.0', '205.192.0'] },
  { code: 'ES', weight: 4, blocks: ['81.0.0', '213.0.0', '95.120.0'] },
  { code: 'JP', weight: 3, blocks: ['123.0.64', '211.0.0', '125.0.64'] },
  { code: 'IT', weight: 3, blocks: ['217.56.0', '87.0.0', '79.0.0', '93.64.0'] },
  { code: 'NL', weight: 3, blocks: ['193.0.0', '145.0.0', '95.128.0'] },
  { code: 'AU', weight: 3, blocks: ['101.0.64', '121.0.0', '1.128.0'] },
  { code: 'MX', weight: 3, blocks: ['187.128.128', '189.128.0', '201.128.192'] },
  { code: 'KR', weight: 2, blocks: ['59.0.0', '123.0.0', '115.0.0'] },
  { code: 'PL', weight: 2, blocks: ['83.0.0', '31.0.0'] },
  { code: 'SE', weight: 1.5, blocks: ['129.192.0', '95.192.0', '213.64.0'] },
  { code: 'CH', weight: 1.5, blocks: ['195.64.128', '85.0.0'] },
  { code: 'AR', weight: 1.5, blocks: ['181.0.0', '179.0.0'] },
  { code: 'TR', weight: 1.5, blocks: ['149.0.0', '95.0.64'] },
  { code: 'ID', weight: 1.5, blocks: ['139.0.0', '49.0.0'] },
  { code: 'RU', weight: 1.2, blocks: ['95.64.128', '79.120.0'] },
  { code: 'CO', weight: 1.2, blocks: ['167.0.0', '190.0.0'] },
  { code: 'ZA', weight: 1.2, blocks: ['165.0.0', '41.56.0', '105.0.0'] },
  { code: 'BE', weight: 1, blocks: ['195.0.0', '87.64.0'] },
  { code: 'EG', weight: 0.8, blocks: ['41.128.0', '197.192.0'] },
  { code: 'NG', weight: 0.8, blocks: ['129.56.0'] },
  { code: 'KE', weight: 0.6, blocks: ['105.56.0'] },
];

/** RFC 5737 documentation networks: addresses that belong to no country. */
export const DOCUMENTATION_BLOCKS = ['192.0.2', '198.51.100', '203.0.113'] as const;

/** Where visitors come from; `null` is a direct visit (no referrer). */
export const REFERRERS: readonly (readonly [string | null, number])[] = [
  [null, 38],
  ['https://www.google.com/', 22],
  ['https://scholar.google.com/scholar?q=open+data', 10],
  ['https://www.bing.com/search?q=dataset', 4],
  ['https://duckduckgo.com/', 3],
  ['https://doi.org/', 5],
  ['https://en.wikipedia.org/wiki/Open_access', 3],
  ['https://t.co/x7Yq2', 3],
  ['https://www.facebook.com/', 2],
  ['https://www.linkedin.com/feed/', 2],
  ['https://github.com/', 2],
  ['https://www.semanticscholar.org/', 2],
  ['https://www.researchgate.net/', 2],
  ['https://mastodon.social/', 1],
  ['https://www.reddit.com/r/AskHistorians/', 1],
];

export const BROWSER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0',
] as const;

/** Real crawler user agents (all recognised by isbot / the COUNTER-Robots list). */
export const BOT_AGENTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.1; +https://openai.com/gptbot)',
  'python-requests/2.31.0',
  'Wget/1.21.3',
  'curl/8.4.0',
  'Mozilla/5.0 (compatible; DotBot/1.2; +https://opensiteexplorer.org/dotbot; help@moz.com)',
] as const;

/** HTTP statuses of raw hits other than 200 and how often they occur (per hit). */
export const FAILED_STATUSES: readonly (readonly [number, number])[] = [
  [404, 0.012],
  [403, 0.004],
  [500, 0.003],
  [503, 0.002],
];
/** Share of raw hits answered 304 Not Modified (these count). */
export const NOT_MODIFIED_SHARE = 0.02;
