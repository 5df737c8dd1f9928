import { afghanNames } from './afghan';
import { arabicNames } from './arabic';
import { congoleseNames } from './congolese';
import { rohingyaNames } from './rohingya';
import { somaliNames } from './somali';
import { tigrinyaNames } from './tigrinya';
import type { NamingTradition } from './tradition';

export type { NameForm, NamingTradition } from './tradition';

export const NAMING_TRADITIONS = {
  arabic: arabicNames,
  afghan: afghanNames,
  somali: somaliNames,
  tigrinya: tigrinyaNames,
  congolese: congoleseNames,
  rohingya: rohingyaNames,
} as const satisfies Record<string, NamingTradition>;

export type NamingTraditionId = keyof typeof NAMING_TRADITIONS;
