import type { LanguageWords } from './types';

// Left out: 'storia' (also "story"), 'salute' (English "salute"), 'cane' (English "cane"; 'mio
// cane' is kept), 'fisica' ("physical"), 'pesca' (fishing, but also a peach), 'trucco' (make-up,
// but also a trick), 'partita' (any match or game), 'macchina' (a car or a machine), 'palestra'
// (a gym in Italian, a talk in Portuguese).
export const ITALIAN: LanguageWords = {
  language: 'it',
  name: 'Italian',
  keywords: {
    art: 'pittura, disegno',
    beauty: 'bellezza, rossetto, unghie',
    books: 'libri, lettura',
    cars: 'automobili',
    comedy: 'divertente, barzelletta, comico',
    cooking: 'ricetta, ricette, cucina, cucinare, carbonara, colazione, pranzo',
    dance: 'ballare, ballo',
    fashion: 'abbigliamento, vestito',
    finance: 'soldi, risparmiare, stipendio',
    fitness: 'allenamento, esercizi',
    'health-wellness': 'benessere, ansia',
    history: 'impero, medioevo, antica roma',
    'home-garden': 'giardino, pulizie, arredamento, piante',
    'movies-tv': 'attore, attrice',
    music: 'canzone, chitarra, concerto',
    'news-politics': 'notizie, elezioni, parlamento',
    outdoors: 'montagna, escursione, natura',
    parenting: 'gravidanza, incinta, neonato',
    pets: 'cani, cagnolino, gatto, gatti, gattino, cucciolo, mio cane',
    relationships: 'fidanzato, fidanzata, marito, moglie',
    science: 'scienza, chimica',
    sports: 'calcio, tifosi, stadio, pallavolo',
    tech: 'cellulare, intelligenza artificiale',
    travel: 'viaggio, viaggiare, vacanza, vacanze',
  },
  hashtags: {
    sports: 'seriea',
  },
};
