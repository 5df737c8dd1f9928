import type { OperationSpec } from './types';

// Lebanon: admin areas are the real geoBoundaries ADM2 district ids (shapeID) from
// shared/data/boundaries/LBN_ADM2.geojson, which carries no other pcode.
const LBN_ADM2 = {
  beirut: 'LBN-ADM2-6925839B61048204',
  elMetn: 'LBN-ADM2-6925839B87907117',
  baabda: 'LBN-ADM2-6925839B81361315',
  tripoli: 'LBN-ADM2-6925839B41661493',
  saida: 'LBN-ADM2-6925839B10045045',
  miniehDinnieh: 'LBN-ADM2-6925839B23343440',
  sour: 'LBN-ADM2-6925839B68165833',
  zahle: 'LBN-ADM2-6925839B82417463',
  baalbek: 'LBN-ADM2-6925839B20609440',
  akkar: 'LBN-ADM2-6925839B44500099',
  westBekaa: 'LBN-ADM2-6925839B69493073',
  hermel: 'LBN-ADM2-6925839B12970543',
} as const;

export const lebanonOperation: OperationSpec = {
  code: 'LBN',
  name: 'Lebanon',
  synthetic: false,
  weight: 3,
  sites: [
    { code: 'LBN-BEI-URB', name: 'Beirut (urban)', setting: 'urban', adminAreaCode: LBN_ADM2.beirut, weight: 10 },
    { code: 'LBN-MTN-URB', name: 'Bourj Hammoud (urban)', setting: 'urban', adminAreaCode: LBN_ADM2.elMetn, weight: 6 },
    { code: 'LBN-TRP-URB', name: 'Tripoli (urban)', setting: 'urban', adminAreaCode: LBN_ADM2.tripoli, weight: 7 },
    { code: 'LBN-SAI-URB', name: 'Saida (urban)', setting: 'urban', adminAreaCode: LBN_ADM2.saida, weight: 4 },
    { code: 'LBN-BAB-CMP', name: 'Shatila camp', setting: 'camp', adminAreaCode: LBN_ADM2.baabda, weight: 4 },
    { code: 'LBN-SAI-CMP', name: 'Ein el-Hilweh camp', setting: 'camp', adminAreaCode: LBN_ADM2.saida, weight: 3 },
    { code: 'LBN-MIN-CMP', name: 'Nahr el-Bared camp', setting: 'camp', adminAreaCode: LBN_ADM2.miniehDinnieh, weight: 2 },
    { code: 'LBN-SOU-CMP', name: 'Rashidieh camp', setting: 'camp', adminAreaCode: LBN_ADM2.sour, weight: 2 },
    { code: 'LBN-ZAH-ITS', name: 'Zahle informal settlements', setting: 'settlement', adminAreaCode: LBN_ADM2.zahle, weight: 10 },
    { code: 'LBN-BAA-ITS', name: 'Baalbek informal settlements', setting: 'settlement', adminAreaCode: LBN_ADM2.baalbek, weight: 8 },
    { code: 'LBN-AKK-ITS', name: 'Akkar informal settlements', setting: 'settlement', adminAreaCode: LBN_ADM2.akkar, weight: 8 },
    { code: 'LBN-WBK-ITS', name: 'West Bekaa informal settlements', setting: 'settlement', adminAreaCode: LBN_ADM2.westBekaa, weight: 5 },
    { code: 'LBN-ZAH-TRN', name: 'Masnaa crossing area', setting: 'transit', adminAreaCode: LBN_ADM2.zahle, weight: 2 },
    { code: 'LBN-HRM-TRN', name: 'Hermel border area', setting: 'transit', adminAreaCode: LBN_ADM2.hermel, weight: 1 },
    { code: 'LBN-BEI-DET', name: 'Beirut detention', setting: 'detention', adminAreaCode: LBN_ADM2.beirut, weight: 0.7 },
  ],
  nationalities: [
    { nationality: 'SYR', tradition: 'arabic', languages: ['ar'], stateless: false, weight: 86 },
    { nationality: 'IRQ', tradition: 'arabic', languages: ['ar'], stateless: false, weight: 5 },
    { nationality: 'SDN', tradition: 'arabic', languages: ['ar'], stateless: false, weight: 4 },
    { nationality: 'ETH', tradition: 'tigrinya', languages: ['ti', 'am'], stateless: false, weight: 1 },
    { nationality: 'SOM', tradition: 'somali', languages: ['so', 'ar'], stateless: false, weight: 1 },
  ],
  legalStatuses: [
    { status: 'registered_refugee', weight: 68 },
    { status: 'unregistered', weight: 9 },
    { status: 'asylum_seeker', weight: 9 },
    { status: 'irregular_migrant', weight: 5 },
    { status: 'stateless', weight: 1 },
    { status: 'other', weight: 8 },
  ],
};

/** SYNTHETIC: made-up codes for a mixed-migration operation; not a real place. */
export const syntheticMixedMigrationOperation: OperationSpec = {
  code: 'SYN-MM',
  name: 'Synthetic mixed-migration operation (made-up codes)',
  synthetic: true,
  weight: 1,
  sites: [
    { code: 'SYN-MM-CMP-01', name: 'Synthetic camp A', setting: 'camp', adminAreaCode: 'SYN-ADM2-01', weight: 30 },
    { code: 'SYN-MM-CMP-02', name: 'Synthetic camp B', setting: 'camp', adminAreaCode: 'SYN-ADM2-02', weight: 20 },
    { code: 'SYN-MM-SET-01', name: 'Synthetic settlement', setting: 'settlement', adminAreaCode: 'SYN-ADM2-03', weight: 15 },
    { code: 'SYN-MM-URB-01', name: 'Synthetic city', setting: 'urban', adminAreaCode: 'SYN-ADM2-04', weight: 20 },
    { code: 'SYN-MM-TRN-01', name: 'Synthetic transit centre', setting: 'transit', adminAreaCode: 'SYN-ADM2-05', weight: 10 },
    { code: 'SYN-MM-DET-01', name: 'Synthetic detention centre', setting: 'detention', adminAreaCode: 'SYN-ADM2-06', weight: 2 },
  ],
  nationalities: [
    { nationality: 'SOM', tradition: 'somali', languages: ['so'], stateless: false, weight: 25 },
    { nationality: 'ERI', tradition: 'tigrinya', languages: ['ti'], stateless: false, weight: 15 },
    { nationality: 'COD', tradition: 'congolese', languages: ['sw', 'fr', 'ln'], stateless: false, weight: 20 },
    { nationality: 'AFG', tradition: 'afghan', languages: ['prs', 'ps'], stateless: false, weight: 15 },
    { nationality: null, tradition: 'rohingya', languages: ['rhg'], stateless: true, weight: 10 },
    { nationality: 'SDN', tradition: 'arabic', languages: ['ar'], stateless: false, weight: 10 },
  ],
  legalStatuses: [
    { status: 'registered_refugee', weight: 50 },
    { status: 'asylum_seeker', weight: 24 },
    { status: 'unregistered', weight: 9 },
    { status: 'irregular_migrant', weight: 7 },
    { status: 'stateless', weight: 2 },
    { status: 'other', weight: 8 },
  ],
};

export const defaultOperations: OperationSpec[] = [lebanonOperation, syntheticMixedMigrationOperation];
