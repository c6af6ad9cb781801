import type { LanguageWords } from './types';

// Japanese has no spaces: a keyword matches anywhere inside a run of kanji and kana, so each one
// must be a word that no common longer word contains. Left out for that reason: ペット (inside
// カーペット, carpet, and トランペット, trumpet), ネイル (inside サムネイル, thumbnail), コーデ
// (inside レコーディング, recording), デート (inside アップデート, update), ドラマ (inside ドラマー,
// drummer), コント (inside コントロール), 釣り (inside お釣り, change), and single kanji such as 猫.
// Also 彼女 ("she" as well as girlfriend), ワンピース (a dress and One Piece), 手作り (food or crafts),
// 写真 (any photo, not photography).
export const JAPANESE: LanguageWords = {
  language: 'ja',
  name: 'Japanese',
  keywords: {
    anime: 'アニメ, 漫画, マンガ, コスプレ, 声優',
    art: 'イラスト, 絵画, 油絵, 水彩, お絵描き, デッサン, 陶芸',
    asmr: '咀嚼音, 囁き',
    beauty: 'コスメ, 化粧, スキンケア, メイク動画, メイクアップ, ナチュラルメイク, 美容',
    books: '読書, 小説, 本屋, 書店',
    cars: '愛車, 車好き, 旧車, バイク',
    comedy: 'お笑い, 爆笑, 漫才, 芸人',
    cooking: '料理, レシピ, 自炊, 弁当, ごはん, 作り置き, スイーツ',
    dance: 'ダンス, 踊ってみた, 振り付け, バレエ',
    diy: 'ハンドメイド, 手芸, 編み物, 刺繍',
    fashion: 'ファッション, 古着, 今日のコーデ, コーディネート',
    finance: '投資, 節約, 貯金, 株式, 資産運用, 仮想通貨, 家計簿, 年収',
    fitness: '筋トレ, ジム, ダイエット, 腹筋, スクワット, ピラティス',
    gaming: 'ゲーム, マイクラ, フォートナイト',
    'health-wellness': '健康, メンタル, 睡眠, 瞑想, ヨガ, セルフケア, カウンセリング',
    history: '歴史, 戦国, 古代, 武将, 江戸時代',
    'home-garden':
      'ガーデニング, 観葉植物, 掃除, 片付け, 収納, インテリア, 模様替え, 家庭菜園, ルームツアー',
    'language-learning': '英会話, 英語学習, 英単語, 発音, 文法',
    motivation: 'モチベーション, 自己啓発, 習慣化, 朝活, マインドセット',
    'movies-tv': '映画, 韓国ドラマ, 韓ドラ, 連ドラ, 邦画, 洋画, 俳優, 女優, ネトフリ, 予告編',
    music: '音楽, 歌ってみた, 弾いてみた, 歌手, ギター, ピアノ, ドラム, 新曲, ボカロ',
    'news-politics': 'ニュース, 政治, 選挙, 首相, 国会, 速報, 政府',
    outdoors: 'キャンプ, 登山, バス釣り, 海釣り, アウトドア, ハイキング',
    parenting: '育児, 子育て, 妊娠, 妊婦, 赤ちゃん, 離乳食, 新生児',
    pets: '子犬, 愛犬, 柴犬, ワンちゃん, わんこ, 子猫, 猫ちゃん, 保護猫, 愛猫, 猫動画, ねこ, にゃんこ, うさぎ, うちの猫, うちの犬, 猫好き, 犬好き',
    photography: '写真家, カメラマン, 一眼レフ, フィルムカメラ',
    pranks: 'ドッキリ, イタズラ, いたずら',
    relationships: '彼氏, カップル, 夫婦, 恋愛, 結婚, 元カレ, 片思い',
    science: '科学, 物理, 化学, 生物学, 実験, 数学, 宇宙, 天文',
    spirituality: '占い, 星座, タロット, 運勢, スピリチュアル, 風水',
    sports: 'サッカー, 野球, バスケ, テニス, ゴルフ, ボクシング, 相撲, バレーボール, ラグビー',
    tech: 'ガジェット, スマホ, パソコン, プログラミング, エンジニア',
    travel: '旅行, 一人旅, 観光, ホテル, 空港, 旅館, 温泉',
  },
  hashtags: {
    music: 'jpop',
  },
};
