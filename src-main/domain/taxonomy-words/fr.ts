import type { LanguageWords } from './types';

// Left out: 'chat' (English "chat"; 'mon chat' is kept), 'mode', 'robe', 'foot', 'basket', 'but'
// (all English words too), 'histoire' (also "story"), 'physique' ("physical"), 'expérience',
// 'couture' (sewing or fashion), 'pêche' (fishing or a peach), 'enceinte' (pregnant, but also a
// speaker), 'livre' (folds with 'livré', "delivered"), 'stade' (also "stage"), 'copain'/'copine'
// (also a friend), 'mari' ("let's" in Indonesian) and 'sketch' (a drawing in English).
export const FRENCH: LanguageWords = {
  language: 'fr',
  name: 'French',
  keywords: {
    art: 'peinture, dessin, dessiner, aquarelle, artiste, céramique',
    beauty: 'maquillage, beauté, ongles, coiffure',
    books: 'bouquin, bouquins, librairie, bibliothèque',
    cars: 'voiture, voitures, garagiste',
    comedy: 'drôle, humour, blague, blagues, humoriste, mdr',
    cooking: 'recette, recettes, cuisine, cuisiner, gâteau, pâtisserie, petit déjeuner',
    dance: 'danse, danser, danseuse, danseur, chorégraphie',
    diy: 'tricot, bricolage, fait main',
    fashion: 'vêtements, friperie, haute couture',
    finance: 'argent, épargne, bourse, impôts, salaire',
    fitness: 'musculation, muscu, entraînement, abdos',
    gaming: 'jeux vidéo, jeu vidéo, manette',
    'health-wellness': 'santé, sommeil, anxiété, bien être',
    history: 'historien, pharaon, archéologie',
    'home-garden': 'jardin, jardinage, ménage, plantes, rangement',
    'language-learning': 'vocabulaire, grammaire, prononciation',
    motivation: 'réussite, développement personnel',
    'movies-tv': 'acteur, actrice, bande annonce',
    music: 'musique, chanson, chanteur, chanteuse, guitare, rappeur',
    'news-politics': 'actualité, actu, politique, élections, gouvernement, assemblée nationale',
    outdoors: 'randonnée, rando, montagne, forêt',
    parenting: 'grossesse, allaitement, parentalité, maternité',
    pets: 'chien, chiens, chiot, chaton, chatons, mon chat, animaux',
    photography: 'photographe, photographie, appareil photo',
    pranks: 'caméra cachée, canular',
    relationships: 'mon copain, ma copine, mariage, rupture, célibataire',
    science: 'sciences, chimie, mathématiques, astronomie',
    spirituality: 'voyance, spiritualité, signe astrologique',
    sports: 'ligue 1, buteur',
    tech: 'technologie, informatique, ordinateur, intelligence artificielle, développeur',
    travel: 'voyage, voyager, vacances, aéroport, itinéraire, séjour',
  },
  hashtags: {
    books: 'livres, booktokfrance',
    comedy: 'humourfrançais',
    cooking: 'recettefacile',
    'news-politics': 'infos',
  },
};
