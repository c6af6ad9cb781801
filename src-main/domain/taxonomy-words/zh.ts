import type { LanguageWords } from './types';

// Chinese, simplified and (where it differs) traditional. Words it shares with Japanese (料理,
// 旅行, 星座) are in ja.ts. Left out: 宝宝 (a baby, but also "darling").
export const CHINESE: LanguageWords = {
  language: 'zh',
  name: 'Chinese',
  keywords: {
    anime: '动漫, 二次元',
    beauty: '化妆, 美妆, 护肤',
    books: '读书, 小说',
    comedy: '搞笑',
    cooking: '美食, 做饭, 食谱, 菜谱, 家常菜, 烹饪',
    dance: '舞蹈, 跳舞',
    fashion: '穿搭, 时尚',
    finance: '理财, 股票',
    fitness: '健身, 减肥, 减脂',
    gaming: '游戏, 王者荣耀, 原神',
    history: '历史',
    'movies-tv': '电影, 電影, 电视剧, 追剧',
    music: '唱歌, 歌曲, 翻唱, 音乐',
    'news-politics': '新闻, 新聞, 时政',
    pets: '猫咪, 狗狗, 萌宠',
    science: '科普',
    spirituality: '塔罗',
    sports: '足球, 篮球',
    tech: '科技, 数码',
    travel: '旅游, 旅遊',
  },
  hashtags: {},
};
