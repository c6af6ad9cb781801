import type { LanguageWords } from './types';

// Turkish adds suffixes to words, so the common forms are listed ('kedi', 'kedim', 'kediler').
// Left out: 'haber' as a caption word ("to have" in Spanish; #haber is kept), 'tarih' (also a
// date), 'tatil' (also a day off school), 'ekonomi' (news or finance), 'spor' (sport or
// exercise), 'maç' (folds to 'mac'), 'dans' ("in" in French), 'oyun' (also a play), 'borsa' (a
// bag in Italian), 'altın' (also "golden") and 'karım' (also a name).
export const TURKISH: LanguageWords = {
  language: 'tr',
  name: 'Turkish',
  keywords: {
    art: 'sanat, çizim, heykel, seramik, suluboya',
    beauty: 'makyaj, ruj, oje, güzellik, cilt bakımı, saç bakımı',
    books: 'kitap, kitaplar',
    cars: 'araba, arabalar, otomobil, motosiklet',
    comedy: 'komedi, skeç, mizah',
    cooking: 'yemek, tarifi, tarifleri, mutfak, çorba, börek, kahvaltı',
    dance: 'halay',
    diy: 'örgü, dikiş, el yapımı, kendin yap',
    fashion: 'kombin, kıyafet, elbise',
    finance: 'yatırım, kripto, faiz, maaş, birikim',
    fitness: 'antrenman, egzersiz, spor salonu',
    'health-wellness': 'sağlık, uyku, kaygı, meditasyon',
    history: 'osmanlı, arkeoloji, padişah, imparatorluk',
    'home-garden': 'bahçe, temizlik, dekorasyon, mobilya',
    'language-learning': 'dilbilgisi, telaffuz, ingilizce öğren',
    motivation: 'motivasyon, başarı, disiplin, kişisel gelişim',
    'movies-tv': 'dizi, sinema, fragman',
    music: 'müzik, şarkı, şarkıcı, konser, türkü',
    'news-politics':
      'haberler, haberleri, gündem, gündemi, son dakika, siyaset, seçim, meclis, tbmm, muhalefet, bakan, milletvekili, cumhurbaşkanı, hükümet, belediye',
    outdoors: 'kamp, doğa, şelale, orman',
    parenting: 'hamilelik, hamile, annelik, babalık, emzirme, yenidoğan',
    pets: 'kedi, kediler, kedim, kedimin, köpek, köpekler, köpeğim',
    photography: 'fotoğrafçı, fotoğrafçılık',
    pranks: 'kamera şakası',
    relationships: 'sevgili, sevgilim, evlilik, ilişki, kocam',
    science: 'bilim, fizik, kimya, biyoloji, deney, matematik, uzay',
    spirituality: 'burç, burçlar, astroloji, fal',
    sports: 'futbol, basketbol, voleybol, derbi, futbolcu, taraftar, süper lig',
    tech: 'teknoloji, yazılım, bilgisayar, yapay zeka, kodlama',
    travel: 'seyahat, gezi, otel, havalimanı',
  },
  hashtags: {
    books: 'kitapkurdu, kitapönerisi',
    cooking: 'yemektarifleri, pratiktarifler',
    finance: 'borsaistanbul, bist100',
    gaming: 'pubgmobile',
    'language-learning': 'ingilizceöğreniyorum',
    'movies-tv': 'diziönerisi',
    'news-politics': 'haber, gündemözeti',
  },
};
