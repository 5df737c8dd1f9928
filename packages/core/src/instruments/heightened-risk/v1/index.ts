import type { Instrument } from '../../instrument';
import type { DomainModule } from './build';
import { childrenAtRisk } from './children-at-risk';
import { conflictInsecurity } from './conflict-insecurity';
import { economicSurvival } from './economic-survival';
import { enforcementBorder } from './enforcement-border';
import { familySeparationIsolation } from './family-separation-isolation';
import { legalProtection } from './legal-protection';
import { mixedMigrationSmuggling } from './mixed-migration-smuggling';
import { overrides } from './overrides';
import { protractedDisplacement } from './protracted-displacement';
import { sgbvCoercion } from './sgbv-coercion';
import { trauma } from './trauma';
import { urbanUnregistered } from './urban-unregistered';
import { womenAtRisk } from './women-at-risk';

// Order is the asking order: smuggling first, because later show-if rules
// (the border crossing question) look back at its onward-movement answer.
const modules: DomainModule[] = [
  mixedMigrationSmuggling,
  urbanUnregistered,
  protractedDisplacement,
  conflictInsecurity,
  economicSurvival,
  womenAtRisk,
  childrenAtRisk,
  sgbvCoercion,
  familySeparationIsolation,
  trauma,
  legalProtection,
  enforcementBorder,
];

export const heightenedRiskV1: Instrument = {
  id: 'heightened-risk',
  version: 1,
  title: { en: 'Heightened trafficking risk screening', ar: 'فحص الخطر المرتفع للاتجار بالبشر' },
  description: {
    en: 'Screens refugees for heightened risk of human trafficking across twelve areas of risk. It is not a validated instrument: weights and thresholds are data, and every score is explained.',
    ar: 'أداة لفحص اللاجئين بحثاً عن خطر مرتفع للتعرّض للاتجار بالبشر في اثني عشر مجالاً. ليست أداة مُثبتة الصلاحية علمياً: الأوزان والعتبات بيانات قابلة للتعديل، وكل نتيجة مشروحة.',
  },
  locales: ['en', 'ar'],
  ruleVersion: 'heightened-risk/1/rules-1',
  domains: modules.map((m) => m.domain),
  indicators: modules.flatMap((m) => m.indicators),
  items: modules.flatMap((m) => m.items),
  derivedIndicators: modules.flatMap((m) => m.derivedIndicators),
  overrides,
  compounding: { minDomainsAtMediumOrAbove: 3, raiseBy: 1, maxLevel: 'high' },
  actionUrgency: { medium: 'within_30_days', high: 'within_1_week' },
};
