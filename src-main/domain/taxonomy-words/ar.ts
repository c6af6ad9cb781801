import type { LanguageWords } from './types';

// Written as people write them; folding makes أ/إ/آ one alef, ة a heh and ى a yeh, and drops
// harakat and tatweel. Arabic attaches the article, so common forms with ال are listed too.
// Left out: 'تاريخ' (history and a date), 'هدف' (a goal and an aim), 'العاب' (games and toys),
// 'حامل' and 'الحمل' (pregnant, but also a holder and Aries), 'حبيبي' (in every love song) and
// 'رسم' (drawing, but also a fee).
export const ARABIC: LanguageWords = {
  language: 'ar',
  name: 'Arabic',
  keywords: {
    anime: 'انمي, الانمي',
    art: 'رسام, لوحات, فن, خط عربي',
    beauty: 'مكياج, ميكب, البشرة, بشرة, بشرتي',
    books: 'كتاب, رواية, روايات, قراءة',
    cars: 'سيارات, سيارة, تفحيط',
    comedy: 'ضحك, كوميديا, مضحك, نكت, نكتة',
    cooking: 'طبخ, الطبخ, وصفة, وصفات, مطبخ, اكلات, حلويات, فطور',
    dance: 'رقص, دبكة',
    diy: 'اعمال يدوية, كروشيه, خياطة',
    fashion: 'موضة, ازياء, فستان, عبايات',
    finance: 'فلوس, استثمار, الاستثمار, تداول, الاسهم, راتب, ادخار',
    fitness: 'تمارين, جيم',
    gaming: 'قيمز, ببجي, فورتنايت',
    'health-wellness': 'صحة, الصحة النفسية, قلق, نوم, تأمل',
    history: 'الحضارة, الفراعنة',
    'home-garden': 'ديكور, تنظيف, حديقة, نباتات',
    'language-learning': 'اللغة الانجليزية, تعلم الانجليزية',
    motivation: 'تحفيز, النجاح, تطوير الذات',
    'movies-tv': 'فيلم, افلام, مسلسل, مسلسلات, سينما',
    music: 'موسيقى, اغنية, اغاني, مطرب',
    'news-politics': 'اخبار, الاخبار, عاجل, سياسة, السياسة, انتخابات, حكومة, الحكومة, البرلمان',
    outdoors: 'طبيعة, الطبيعة, تخييم, كشتة, صيد',
    parenting: 'امومة, رضاعة',
    pets: 'قطط, قطة, قطتي, كلب, كلاب, حيوانات اليفة',
    photography: 'تصوير, مصور',
    pranks: 'مقلب, مقالب',
    relationships: 'زوجي, زوجتي, خطيبي, زواج',
    science: 'علوم, فيزياء, كيمياء, الفضاء',
    spirituality: 'ابراج, الابراج, تاروت',
    sports: 'كرة القدم, مباراة, الدوري, ملعب',
    tech: 'تقنية, التقنية, برمجة, ذكاء اصطناعي, الذكاء الاصطناعي, ايفون',
    travel: 'سفر, السفر, سياحة, السياحة, رحلة, فندق, مطار',
  },
  hashtags: {
    beauty: 'عناية_بالبشرة',
    sports: 'دوري_روشن',
  },
};
