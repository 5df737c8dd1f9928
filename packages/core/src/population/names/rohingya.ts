import { names, type NamingTradition } from './tradition';

/** Rohingya names as usually written in registration (Latin script, Bengali-influenced spellings). */
export const rohingyaNames: NamingTradition = {
  id: 'rohingya',
  patronymic: true,
  male: names(
    'Mohammed/Mohammad/Muhammad/Md.',
    'Nur Alam/Noor Alam/Nurul Alam',
    'Abdul Karim/Abdul Kareem/Abdulkarim',
    'Rashid/Rasheed/Rashed',
    'Hamid Hussain/Hamid Hossain',
    'Kamal/Kamaal',
    'Jamal/Jamaal',
    'Sayed Alam/Syed Alam',
    'Anwar/Anowar',
    'Salim/Saleem/Selim',
    'Faisal/Foysal',
    'Zubair/Jubair/Jobair',
    'Rafiq/Rafik/Rofik',
    'Yasin/Yaseen/Yeasin',
    'Ayub/Ayoub/Aiyub',
  ),
  female: names(
    'Hasina/Haseena',
    'Rashida/Roshida/Rosida',
    'Jannat/Jannatul/Jonnat',
    'Sakina/Sokina/Sokhina',
    'Minara/Monara',
    'Nur Jahan/Noor Jahan/Nurjahan',
    'Rahima/Rohima',
    'Asma/Asmaa',
    'Tasmin/Tasmina',
    'Khaleda/Khalida',
    'Fatema/Fatima',
    'Senuara/Sanowara',
  ),
  family: [],
};
