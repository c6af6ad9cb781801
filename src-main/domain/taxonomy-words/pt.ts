import type { LanguageWords } from './types';

// 'receita' (also revenue and a prescription), 'história' ("story"), 'academia' (a gym in
// Brazil, a school in Spanish), 'novela' (a novel in Spanish), 'jogo' (a football match too),
// 'trilha' (also a soundtrack), 'roteiro' (also a script), 'palestra' (a talk) and 'pagode'
// (a samba style, but also a pagoda) are left out.
export const PORTUGUESE: LanguageWords = {
  language: 'pt',
  name: 'Portuguese',
  keywords: {
    art: 'desenho, desenhar, aquarela, ilustração',
    beauty: 'maquiagem, batom, cílios, unhas, beleza',
    books: 'livro, livros, leitura, leitora, livraria',
    comedy: 'comédia, piada, piadas, engraçado, engraçada, zoeira',
    cooking: 'receitinha, culinária, cozinhar, cozinhando, sobremesa, almoço, jantar, bolo',
    dance: 'dança, dançar, dançando, passinho',
    diy: 'artesanato, crochê, tricô',
    fashion: 'roupa, roupas',
    finance:
      'dinheiro, finanças, investimento, investimentos, investir, economizar, poupança, salário',
    fitness: 'treino, treinos, musculação, agachamento',
    'health-wellness': 'saúde, bem estar, ansiedade, meditação',
    history: 'império, faraó',
    'home-garden': 'jardim, jardinagem, decoração, faxina, móveis',
    'language-learning': 'pronúncia',
    motivation: 'motivação, sucesso, produtividade',
    'movies-tv': 'filme, filmes, atriz, ator',
    music: 'cantora, cantor, violão, sertanejo, forró',
    'news-politics': 'notícias, notícia, eleições, governo, deputado',
    outdoors: 'cachoeira, acampamento, natureza, montanha, floresta',
    parenting: 'maternidade, paternidade, gravidez, grávida, gestante, amamentação',
    pets: 'cachorros, cachorrinho, gatinho, gatinhos',
    photography: 'ensaio fotográfico',
    pranks: 'pegadinha, pegadinhas, trollagem',
    relationships: 'namorado, namorada, namoro, casal, marido, casamento',
    science: 'ciência, cientista, matemática',
    spirituality: 'espiritualidade, tarô',
    sports: 'futebol, golaço, basquete, vôlei, brasileirão, estádio',
    tech: 'computador',
    travel: 'viagem, viagens, férias, aeroporto, mochilão',
  },
  hashtags: {
    books: 'booktokbrasil',
    comedy: 'humorbrasil',
    cooking: 'receitas, receita, receitasfaceis, receitafacil',
    fitness: 'treinoemcasa',
    gaming: 'freefire',
    'language-learning': 'inglesonline',
  },
};
