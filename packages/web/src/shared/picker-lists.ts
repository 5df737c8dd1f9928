/**
 * Nationalities most often met in refugee operations (ISO 3166-1 alpha-3), first in the
 * picker; any other code can still be typed.
 */
export const COMMON_NATIONALITIES = [
  'SYR', 'AFG', 'SSD', 'MMR', 'UKR', 'SDN', 'COD', 'VEN', 'SOM', 'CAF',
  'ERI', 'IRQ', 'BDI', 'NGA', 'YEM', 'PSE', 'ETH', 'MLI', 'IRN', 'PAK',
  'COL', 'HTI', 'CMR', 'BFA', 'LBN',
] as const;

/** Languages often spoken by people registered (ISO 639-1 where one exists, else 639-3). */
export const COMMON_LANGUAGES = [
  'ar', 'ku', 'fa', 'prs', 'ps', 'ur', 'so', 'ti', 'am', 'sw',
  'fr', 'en', 'es', 'uk', 'ru', 'my', 'rhg', 'din', 'ha', 'tr',
] as const;
