/** One name with its common Latin spellings and, where it has one, its original script. */
export interface NameForm {
  latin: string;
  variants: string[];
  script: string | null;
}

/**
 * `patronymic`: the second name is the father's given name (Somali, Tigrinya, Rohingya
 * practice), so children take their father's given name rather than a family name.
 */
export interface NamingTradition {
  id: string;
  male: NameForm[];
  female: NameForm[];
  family: NameForm[];
  patronymic: boolean;
}

/** Compact source form: "Mohammed/Muhammad/Mohamed:محمد" (spellings, then the original script). */
export function names(...entries: string[]): NameForm[] {
  return entries.map((entry) => {
    const [spellings = '', script] = entry.split(':');
    const [latin = '', ...variants] = spellings.split('/');
    return { latin, variants, script: script ?? null };
  });
}
