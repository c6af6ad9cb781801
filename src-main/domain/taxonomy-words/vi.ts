import type { LanguageWords } from './types';

// Vietnamese writes one syllable per word, and folding removes tone marks (hashtags are usually
// written without them: #nauan, #dulich), so single syllables are far too ambiguous: 'mèo' (cat)
// folds like 'mẹo' (a tip), 'hài' (funny) like 'hai' (two), 'thiền' like 'thiên'. Keywords are
// therefore two-syllable phrases, which also match as joined hashtags ('nấu ăn' gives #nauan);
// 'ca sĩ' (a singer) is left out because joined it is Spanish 'casi' ("almost").
export const VIETNAMESE: LanguageWords = {
  language: 'vi',
  name: 'Vietnamese',
  keywords: {
    art: 'hội họa, vẽ tranh, nghệ thuật',
    beauty: 'trang điểm, làm đẹp, dưỡng da, son môi, mỹ phẩm',
    cars: 'ô tô, xe máy, xe hơi',
    comedy: 'hài hước, vui nhộn',
    cooking: 'nấu ăn, món ngon, ẩm thực, làm bánh, ăn vặt, nhà bếp',
    dance: 'khiêu vũ, vũ đạo, nhảy cover',
    diy: 'đan len, móc len, tự làm',
    fashion: 'thời trang, phối đồ, quần áo',
    finance: 'đầu tư, chứng khoán, tiết kiệm, tài chính, kiếm tiền',
    fitness: 'tập gym, giảm cân, giảm mỡ, tập luyện, thể hình',
    gaming: 'chơi game, liên quân, game thủ',
    'health-wellness': 'sức khỏe, tâm lý, giấc ngủ, thiền định',
    history: 'lịch sử, triều đại',
    'home-garden': 'dọn dẹp, nhà cửa, cây cảnh, làm vườn, nội thất',
    'language-learning': 'học tiếng, từ vựng, ngữ pháp',
    motivation: 'động lực, kỷ luật',
    'movies-tv': 'bộ phim, phim hay, phim hàn, review phim, diễn viên',
    music: 'âm nhạc, bài hát, nhạc trẻ',
    'news-politics': 'tin tức, thời sự, chính trị, bầu cử, chính phủ, quốc hội',
    outdoors: 'cắm trại, leo núi, thiên nhiên, câu cá',
    parenting: 'mẹ bầu, mang thai, nuôi con, mẹ bỉm',
    pets: 'thú cưng, con mèo, con chó, mèo con, chó con, bé mèo',
    photography: 'nhiếp ảnh, chụp ảnh, máy ảnh',
    pranks: 'chơi khăm',
    relationships: 'người yêu, bạn trai, bạn gái, vợ chồng, hẹn hò, chia tay',
    science: 'khoa học, vật lý, hóa học, sinh học, thí nghiệm, vũ trụ',
    spirituality: 'hoàng đạo, tử vi, bói bài',
    sports: 'bóng đá, thể thao, cầu thủ, bàn thắng, đội tuyển',
    tech: 'công nghệ, lập trình, máy tính',
    travel: 'du lịch, khách sạn, sân bay',
  },
  hashtags: {},
};
