import { names, type NamingTradition } from './tradition';

/** Eritrean (Tigrinya) names; the original script is Ge'ez (Fidel). */
export const tigrinyaNames: NamingTradition = {
  id: 'tigrinya',
  patronymic: true,
  male: names(
    'Tesfay/Tesfai/Tesfaye:ተስፋይ',
    'Yonas/Jonas:ዮናስ',
    'Filmon/Filimon/Philemon:ፊልሞን',
    'Semere/Semre:ሰመረ',
    'Dawit/Dawitt/Dawid:ዳዊት',
    'Yohannes/Yohanes/Johannes:ዮሃንስ',
    'Haile/Hayle:ሃይለ',
    'Kidane/Kidana:ኪዳነ',
    'Berhane/Birhane/Berhe:ብርሃነ',
    'Tekle/Teklay:ተኽለ',
    'Mussie/Musie/Muse:ሙሴ',
    'Abraham/Abrham:ኣብርሃም',
    'Habte/Habtay:ሃብተ',
    'Goitom/Goytom:ጎይቶም',
  ),
  female: names(
    'Selam/Salam:ሰላም',
    'Senait/Senayt/Sinit:ሰናይት',
    'Luwam/Luam/Lwam:ሉዋም',
    'Rahel/Rachel:ራሄል',
    'Helen/Hellen:ሄለን',
    'Saba/Sabah:ሳባ',
    'Yordanos/Yordanose:ዮርዳኖስ',
    'Feven/Fiven:ፌቨን',
    'Winta/Wintana:ዊንታ',
    'Meron/Meroni:ሜሮን',
    'Hiwet/Hiwot/Hywet:ሕይወት',
  ),
  family: [],
};
