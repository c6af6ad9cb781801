import type { LanguageWords } from './types';

// 'historia' (also "story"), 'física' ("physical"), 'partido' (also a political party),
// 'manifestación' (a protest), 'novela' (a soap opera in Portuguese), 'tenis' (sneakers in
// Portuguese), 'uñas' (folds to 'unas', "some"), 'montaña' (folds to 'montana'), 'pesca'
// (a peach in Italian) and 'salud' (a toast) are left out on purpose.
export const SPANISH: LanguageWords = {
  language: 'es',
  name: 'Spanish',
  keywords: {
    art: 'pintura, dibujo, dibujos, acuarela, escultura, ilustración, cerámica',
    asmr: 'susurros, satisfactorio',
    beauty: 'maquillaje, labial, rímel, pestañas, belleza',
    books: 'libro, libros, lectura, lectora, librería',
    cars: 'coche, coches, carro, carros, autos, moto, motos, mecánico',
    comedy: 'chiste, chistes, comedia, gracioso, graciosa, risas, humorista',
    cooking: 'receta, recetas, cocina, cocinar, cocinando, postre, postres, desayuno',
    dance: 'baile, bailar, bailando, coreografía, bailarina, bailarín',
    diy: 'manualidades, ganchillo, costura, bordado, tejer',
    fashion: 'moda, ropa, vestido, estilismo',
    finance:
      'dinero, finanzas, ahorro, ahorrar, inversión, invertir, presupuesto, impuestos, hipoteca',
    fitness: 'gimnasio, entrenamiento, ejercicios, pesas, sentadillas, abdominales',
    gaming: 'videojuegos, videojuego',
    'health-wellness':
      'bienestar, meditación, ansiedad, terapia, psicóloga, psicólogo, autocuidado',
    history: 'imperio, faraón, arqueología, historiador, historiadora',
    'home-garden': 'jardín, jardinería, plantas, decoración, limpieza, muebles, huerto',
    'language-learning': 'vocabulario, gramática, pronunciación, idiomas, bilingüe',
    motivation: 'motivación, disciplina, éxito, superación, mentalidad, productividad, hábitos',
    'movies-tv': 'película, películas, cine, actriz, telenovela',
    music:
      'música, canción, canciones, cantante, guitarra, concierto, cantando, reguetón, reggaeton, corridos',
    'news-politics':
      'noticias, política, político, elecciones, gobierno, presidente, congreso, diputados, senado, protesta, última hora',
    outdoors: 'senderismo, acampar, naturaleza, bosque, cascada',
    parenting: 'maternidad, paternidad, embarazo, embarazada, crianza, lactancia',
    pets: 'perro, perros, perrito, perritos, gato, gatos, gatito, gatitos, mascota, mascotas, cachorro',
    photography: 'fotografía, fotógrafo, fotógrafa',
    relationships: 'novio, novia, pareja, esposo, esposa, matrimonio, ruptura',
    science:
      'ciencia, química, biología, experimento, astronomía, científico, científica, matemáticas',
    spirituality: 'astrología, horóscopo, zodiaco, espiritualidad, numerología',
    sports: 'fútbol, futbolista, baloncesto, básquet, béisbol, boxeo, golazo, gol, estadio',
    tech: 'tecnología, celular, computadora, ordenador, programación, programador, inteligencia artificial',
    travel: 'viaje, viajes, viajar, viajando, vacaciones, turismo, aeropuerto, mochilero',
  },
  hashtags: {
    art: 'arte',
    beauty: 'maquillajenatural',
    books: 'librosrecomendados, booktokespañol',
    comedy: 'humorlatino',
    cooking: 'recetasfaciles, comidacasera',
    fashion: 'outfitdeldia',
    'health-wellness': 'saludmental, salud',
    history: 'historia',
    'language-learning': 'aprenderingles',
    pranks: 'bromas, bromaspesadas',
  },
};
