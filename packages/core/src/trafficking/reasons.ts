import type { AgeAtActs } from './age-at-acts';
import type { TraffickingText, ElementFinding, ElementName, ElementSource, TraffickingReason, TraffickingAssessment } from './outcome';
import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  ILO_FORCED_LABOUR_INDICATORS,
  TRAFFICKING_ACTS,
  TRAFFICKING_MEANS,
  TRAFFICKING_PURPOSES,
  TRAFFICKING_STAGES,
  type TraffickingTerm,
} from './vocabulary/index';

type Lang = keyof TraffickingText;
const SEPARATOR: TraffickingText = { en: ', ', ar: '، ' };

function label(terms: readonly TraffickingTerm[], code: string, lang: Lang): string {
  return terms.find((t) => t.code === code)?.label[lang] ?? code;
}

function both(make: (lang: Lang) => string): TraffickingText {
  return { en: make('en'), ar: make('ar') };
}

/** "present" / "missing" agreeing with the element's gender in Arabic (الوسيلة is feminine). */
const AR_STATE: Record<ElementName, { present: string; missing: string; required: string }> = {
  act: { present: 'متوفر', missing: 'غير متوفر', required: 'وهو عنصر لازم' },
  means: { present: 'متوفرة', missing: 'غير متوفرة', required: 'وهي عنصر لازم' },
  purpose: { present: 'متوفر', missing: 'غير متوفر', required: 'وهو عنصر لازم' },
};

const ELEMENT: Record<ElementName, TraffickingText> = {
  act: { en: 'Act', ar: 'الفعل' },
  means: { en: 'Means', ar: 'الوسيلة' },
  purpose: { en: 'Purpose', ar: 'الغرض' },
};
const ELEMENT_TERMS: Record<ElementName, readonly TraffickingTerm[]> = { act: TRAFFICKING_ACTS, means: TRAFFICKING_MEANS, purpose: TRAFFICKING_PURPOSES };

const VIA: Record<'control_method' | 'ilo_indicator' | 'exploitation_type', { terms: readonly TraffickingTerm[]; text: TraffickingText }> = {
  control_method: { terms: CONTROL_METHODS, text: { en: 'from the method of control', ar: 'من وسيلة السيطرة' } },
  ilo_indicator: { terms: ILO_FORCED_LABOUR_INDICATORS, text: { en: 'from the ILO indicator', ar: 'من مؤشر منظمة العمل الدولية' } },
  exploitation_type: { terms: EXPLOITATION_TYPES, text: { en: 'from the exploitation that took place', ar: 'من الاستغلال الذي وقع' } },
};

function sourceText(name: ElementName, source: ElementSource<string>, lang: Lang): string {
  const own = label(ELEMENT_TERMS[name], source.code, lang);
  if (source.via === 'recorded' || source.from === null) return own;
  const via = VIA[source.via];
  return `${own} (${via.text[lang]}: ${label(via.terms, source.from, lang)})`;
}

function elementReason(name: ElementName, element: ElementFinding<string>): TraffickingReason {
  const list = (lang: Lang) => element.found.map((s) => sourceText(name, s, lang)).join(SEPARATOR[lang]);
  const childNote: TraffickingText = { en: ' (not needed under the child rule)', ar: ' (غير لازمة وفق قاعدة الطفل)' };
  const text = both((lang) => {
    const head = ELEMENT[name][lang];
    if (element.present) {
      const found = lang === 'en' ? `${head} found: ${list(lang)}` : `${head}: ${AR_STATE[name].present} — ${list(lang)}`;
      return `${found}${element.required ? '' : childNote[lang]}.`;
    }
    if (!element.required) {
      return lang === 'en' ? `${head}: none recorded; not needed under the child rule.` : `${head}: لم يُسجَّل شيء؛ وهي غير لازمة وفق قاعدة الطفل.`;
    }
    return lang === 'en' ? `${head} missing: none recorded, and it is required.` : `${head}: ${AR_STATE[name].missing} — لم يُسجَّل شيء، ${AR_STATE[name].required}.`;
  });
  return { key: name, text };
}

function ageText(age: AgeAtActs): string {
  if (age.range === null) return '';
  return age.range.min === age.range.max ? `${age.range.min}` : `${age.range.min}–${age.range.max}`;
}

function ageReason(age: AgeAtActs): TraffickingReason {
  const at: TraffickingText = age.actsDateRecorded
    ? { en: `age ${ageText(age)} on ${age.actsDate}`, ar: `العمر ${ageText(age)} في ${age.actsDate}` }
    : { en: `age ${ageText(age)} now; no date of the acts recorded`, ar: `العمر ${ageText(age)} حالياً؛ لم يُسجَّل تاريخ الأفعال` };
  const rule: TraffickingText = age.childRuleApplies
    ? { en: 'the child rule applies, so act and purpose are enough and means are not needed.', ar: 'تنطبق قاعدة الطفل، فيكفي الفعل والغرض ولا يلزم توفر الوسيلة.' }
    : { en: 'the child rule does not apply, so act, means and purpose are all needed.', ar: 'لا تنطبق قاعدة الطفل، فيلزم توفر الفعل والوسيلة والغرض معاً.' };
  const lead: TraffickingText = (() => {
    switch (age.basis) {
      case 'date_of_birth':
      case 'age_at_assessment':
        return age.childRuleApplies
          ? { en: `Under 18 at the time of the acts (${at.en})`, ar: `كان الشخص دون 18 عاماً وقت الأفعال (${at.ar})` }
          : { en: `18 or over at the time of the acts (${at.en})`, ar: `كان الشخص في الثامنة عشرة أو أكثر وقت الأفعال (${at.ar})` };
      case 'presumed_child':
        return {
          en: `May have been under 18 at the time of the acts (${at.en}), so treated as a child (presumption of minority)`,
          ar: `ربما كان الشخص دون 18 عاماً وقت الأفعال (${at.ar})، لذا يُعامَل كطفل ما دام الشك قائماً`,
        };
      case 'stated':
        return age.childRuleApplies
          ? { en: 'Recorded as under 18 at the time of the acts', ar: 'سُجِّل أن الشخص كان دون 18 عاماً وقت الأفعال' }
          : { en: 'Recorded as 18 or over at the time of the acts', ar: 'سُجِّل أن الشخص كان في الثامنة عشرة أو أكثر وقت الأفعال' };
      case 'unknown':
        return { en: 'Age at the time of the acts is not known', ar: 'العمر وقت الأفعال غير معروف' };
    }
  })();
  const ask: TraffickingText =
    age.basis === 'unknown'
      ? { en: ' If the person may have been under 18, record their age: the child rule would then apply.', ar: ' إذا كان من المحتمل أن الشخص كان دون 18 عاماً، سجِّل عمره: فتنطبق حينها قاعدة الطفل.' }
      : { en: '', ar: '' };
  return { key: 'age_rule', text: { en: `${lead.en}: ${rule.en}${ask.en}`, ar: `${lead.ar}: ${rule.ar}${ask.ar}` } };
}

function outcomeReason(a: TraffickingAssessment): TraffickingReason {
  const names = (pick: (e: ElementFinding<string>) => boolean, lang: Lang) =>
    (Object.keys(a.elements) as ElementName[])
      .filter((n) => pick(a.elements[n]))
      .map((n) => ELEMENT[n][lang])
      .join(SEPARATOR[lang]);
  const indicators = a.iloIndicators.observed.length;
  const text = both((lang) => {
    const en = lang === 'en';
    if (a.outcome === 'presumed_victim') {
      const required = names((e) => e.required, lang);
      return en
        ? `Presumed victim of trafficking: every required element is present (${required}). The presumption is for protection and assistance now; it is not a legal determination.`
        : `ضحية مفترضة للاتجار بالبشر: جميع العناصر اللازمة متوفرة (${required}). هذا الافتراض لغرض الحماية والمساعدة الآن، وليس قراراً قانونياً.`;
    }
    if (a.outcome === 'at_risk') {
      const missing = names((e) => e.required && !e.present, lang);
      const found = names((e) => e.present, lang);
      const what = en
        ? [found && `found: ${found}`, indicators > 0 && `${indicators} ILO indicator(s)`].filter(Boolean).join('; ')
        : [found && `متوفر: ${found}`, indicators > 0 && `${indicators} من مؤشرات منظمة العمل الدولية`].filter(Boolean).join('؛ ');
      return en
        ? `At risk of trafficking: missing ${missing}; ${what}. Keep assessing: a screening result, not a legal determination.`
        : `معرّض لخطر الاتجار: غير متوفر: ${missing}؛ ${what}. تابِع التقييم: هذه نتيجة فرز وليست قراراً قانونياً.`;
    }
    return en
      ? `Trafficking not indicated: no element of trafficking recorded and fewer than ${a.iloIndicators.threshold} ILO indicators. This can change as more is learned.`
      : `لا مؤشرات على الاتجار: لم يُسجَّل أي عنصر من عناصر الاتجار، وعدد مؤشرات منظمة العمل الدولية أقل من ${a.iloIndicators.threshold}. قد يتغير ذلك مع معرفة المزيد.`;
  });
  return { key: 'outcome', text };
}

function indicatorReason(a: TraffickingAssessment): TraffickingReason {
  const n = a.iloIndicators.observed.length;
  const threshold = a.iloIndicators.threshold;
  const total = ILO_FORCED_LABOUR_INDICATORS.length;
  const text = both((lang) => {
    const list = a.iloIndicators.observed.map((o) => label(ILO_FORCED_LABOUR_INDICATORS, o.code, lang)).join(SEPARATOR[lang]);
    return lang === 'en'
      ? `${n} of ${total} ILO forced-labour indicators observed${n > 0 ? `: ${list}` : ''}. ${n >= threshold ? 'At or above' : 'Below'} the screening threshold of ${threshold} (a heuristic, not a legal test).`
      : `${n} من أصل ${total} من مؤشرات منظمة العمل الدولية للعمل الجبري${n > 0 ? `: ${list}` : ''}. ${n >= threshold ? 'يبلغ ذلك' : 'ذلك دون'} حدّ الفرز البالغ ${threshold} (قاعدة فرز تقريبية، لا اختبار قانوني).`;
  });
  return { key: 'ilo_indicators', text };
}

function stageReason(a: TraffickingAssessment): TraffickingReason {
  return {
    key: 'stage',
    text: both((lang) => {
      const stage = a.stageReached === null ? null : label(TRAFFICKING_STAGES, a.stageReached, lang);
      if (lang === 'en') return `Stage reached: ${stage ?? 'not recorded'}.`;
      return `المرحلة التي بُلغت: ${stage ?? 'غير مسجَّلة'}.`;
    }),
  };
}

function controlReason(a: TraffickingAssessment): TraffickingReason[] {
  if (a.controlMethods.length === 0) return [];
  const list = (lang: Lang) => a.controlMethods.map((c) => label(CONTROL_METHODS, c, lang)).join(SEPARATOR[lang]);
  return [{ key: 'control_methods', text: { en: `Methods of control recorded: ${list('en')}.`, ar: `وسائل السيطرة المسجَّلة: ${list('ar')}.` } }];
}

/** Plain-language reasons, outcome first, in both languages; never names a person. */
export function explainAssessment(a: TraffickingAssessment): TraffickingReason[] {
  return [
    outcomeReason(a),
    ageReason(a.age),
    elementReason('act', a.elements.act),
    elementReason('means', a.elements.means),
    elementReason('purpose', a.elements.purpose),
    indicatorReason(a),
    ...controlReason(a),
    stageReason(a),
  ];
}
