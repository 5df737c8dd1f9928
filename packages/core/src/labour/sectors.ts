/*
 * Sectors where refugees find work: the Labour Industry (Tier 1) list of the IOM Human
 * Trafficking Case Data Standard (HTCDS) 2.0 (shared/standards/htcds/field-definitions.md),
 * itself ISIC's sections. Codes are HTCDS's own, unchanged; the short English labels
 * follow ISIC's section titles; the Arabic labels are Waymark's translations.
 * Human Trafficking Case Data Standard by IOM, licensed under CC BY 4.0
 * (http://creativecommons.org/licenses/by/4.0/); IOM does not endorse Waymark.
 */

export interface LabourTerm<C extends string = string> {
  readonly code: C;
  readonly label: { readonly en: string; readonly ar: string };
}

export const LABOUR_SECTORS = [
  { code: 'A_AgricultureForestryAndFishing', label: { en: 'Agriculture, forestry and fishing', ar: 'الزراعة والحراجة وصيد الأسماك' } },
  { code: 'B_MiningAndQuarrying', label: { en: 'Mining and quarrying', ar: 'التعدين واستغلال المحاجر' } },
  { code: 'C_Manufacturing', label: { en: 'Manufacturing', ar: 'الصناعة التحويلية' } },
  { code: 'D_ElectricityGasSteamAndAirConditioningSupply', label: { en: 'Electricity, gas, steam and air conditioning', ar: 'إمدادات الكهرباء والغاز والبخار وتكييف الهواء' } },
  { code: 'E_WaterSupplySewerageWasteManagement', label: { en: 'Water supply, sewerage and waste', ar: 'إمدادات المياه والصرف الصحي وإدارة النفايات' } },
  { code: 'F_Construction', label: { en: 'Construction', ar: 'البناء والتشييد' } },
  { code: 'G_WholesaleAndRetailTradeRepairOfMotorVehicles', label: { en: 'Wholesale and retail trade', ar: 'تجارة الجملة والتجزئة' } },
  { code: 'H_TransportationAndStorage', label: { en: 'Transport and storage', ar: 'النقل والتخزين' } },
  { code: 'I_AccommodationAndFoodServiceActivities', label: { en: 'Hospitality (accommodation and food)', ar: 'الضيافة (الإقامة والطعام)' } },
  { code: 'J_InformationAndCommunication', label: { en: 'Information and communication', ar: 'المعلومات والاتصالات' } },
  { code: 'K_FinancialAndInsuranceActivities', label: { en: 'Finance and insurance', ar: 'الأنشطة المالية والتأمين' } },
  { code: 'L_RealEstateActivities', label: { en: 'Real estate', ar: 'الأنشطة العقارية' } },
  { code: 'M_ProfessionalScientificAndTechnicalActivities', label: { en: 'Professional, scientific and technical', ar: 'الأنشطة المهنية والعلمية والتقنية' } },
  { code: 'N_AdministrativeAndSupportServiceActivities', label: { en: 'Administrative and support services', ar: 'الخدمات الإدارية وخدمات الدعم' } },
  { code: 'O_PublicAdministrationAndDefence', label: { en: 'Public administration', ar: 'الإدارة العامة' } },
  { code: 'P_Education', label: { en: 'Education', ar: 'التعليم' } },
  { code: 'Q_HumanHealthAndSocialWorkActivities', label: { en: 'Health and social work', ar: 'الصحة والعمل الاجتماعي' } },
  { code: 'R_ArtsEntertainmentAndRecreation', label: { en: 'Arts, entertainment and recreation', ar: 'الفنون والترفيه والتسلية' } },
  { code: 'S_OtherServiceActivities', label: { en: 'Other services', ar: 'خدمات أخرى' } },
  { code: 'T_ActivitiesOfHouseholdsAsEmployers', label: { en: 'Domestic work (households as employers)', ar: 'العمل المنزلي (الأسر كأصحاب عمل)' } },
  { code: 'U_ActivitiesOfExtraterritorialOrganizations', label: { en: 'Extraterritorial organisations', ar: 'المنظمات الخارجة عن الولاية الإقليمية' } },
] as const satisfies readonly LabourTerm[];
export type LabourSector = (typeof LABOUR_SECTORS)[number]['code'];
export const LABOUR_SECTOR_CODES: readonly LabourSector[] = LABOUR_SECTORS.map((sector) => sector.code);
