import type { LanguageWords } from './types';

// Folding turns ä, ö, ü into a, o, u and ß into ss, so 'fussball' and 'fußball' meet. Left out:
// 'Auto' (English "auto"), 'Mode' (English "mode"), 'Handy' (English "handy"), 'Lied' (English
// "lied"), 'Training', 'Geschichte' (also "story"), 'Freund'/'Freundin' (also a friend), 'Tor'
// (also a gate), 'nähen' (folds to 'nahen', "to approach") and 'Angst'.
export const GERMAN: LanguageWords = {
  language: 'de',
  name: 'German',
  keywords: {
    art: 'kunst, malen, zeichnen, zeichnung, gemälde, künstler, künstlerin, aquarell',
    beauty: 'schminken, hautpflege, lippenstift, frisur, wimpern',
    books: 'buch, bücher, lesen, buchtipp, lieblingsbuch',
    cars: 'autos, sportwagen, motorrad, kfz',
    comedy: 'lustig, witzig, witz, witze, komiker',
    cooking: 'rezept, rezepte, kochen, backen, küche, abendessen, frühstück, kuchen, nachtisch',
    dance: 'tanzen, tanz, tänzerin, tänzer',
    diy: 'basteln, häkeln, stricken, selbstgemacht, heimwerken',
    fashion: 'kleidung, kleid, klamotten',
    finance: 'geld, finanzen, sparen, aktien, etf, steuern, investieren, rente',
    fitness: 'fitnessstudio, krafttraining, abnehmen, muskelaufbau, kniebeugen',
    gaming: 'zocken, videospiele, konsole',
    'health-wellness': 'gesundheit, schlaf, achtsamkeit, therapie',
    history: 'mittelalter, römer, weltkrieg, historiker, archäologie',
    'home-garden': 'garten, pflanzen, putzen, wohnung, deko, aufräumen',
    'language-learning': 'deutsch lernen, vokabeln, grammatik, aussprache',
    motivation: 'erfolg, disziplin',
    'movies-tv': 'kino, serien, schauspieler, schauspielerin',
    music: 'musik, lieder, sängerin, sänger, gitarre, konzert, klavier',
    'news-politics':
      'nachrichten, politik, bundestag, regierung, wahlen, kanzler, bundeskanzler, eilmeldung',
    outdoors: 'wandern, natur, berge, zelten, angeln, wald',
    parenting: 'schwanger, schwangerschaft, elternzeit, kleinkind, mamaleben',
    pets: 'hund, hunde, katze, katzen, welpe, kätzchen, haustier, haustiere',
    photography: 'fotografie, fotograf, fotografin',
    pranks: 'streich, streiche',
    relationships: 'beziehung, ehemann, ehefrau, hochzeit, verliebt, trennung',
    science: 'wissenschaft, physik, chemie, biologie, mathe, weltraum',
    spirituality: 'sternzeichen, horoskop, astrologie, spiritualität',
    sports: 'fußball, bundesliga, handball, stadion, fußballer, champions league',
    tech: 'programmieren, künstliche intelligenz',
    travel: 'reisen, reise, urlaub, flughafen, rundreise',
  },
  hashtags: {
    cooking: 'rezeptideen, einfacherezepte',
    'news-politics': 'nachrichtendeutschland',
  },
};
