import type { LanguageWords } from './types';

// Korean attaches particles (요리를, 고양이랑): a keyword matches anywhere inside a run of Hangul,
// so each one must be a word no common longer word contains. Left out for that reason: 청소
// (inside 청소년, teenager), 화장 (inside 화장실, toilet), 네일 (inside 썸네일, thumbnail), 그림
// (inside 그림자, shadow), 배우 (inside 배우다, to learn), 안무 (inside 안무서워, not scary), 수학
// (inside 수학여행, school trip), 세차 (inside 세차게, strongly), 자연 (inside 자연스럽게), 코인
// (inside 코인노래방), 운동 (inside 운동화, sneakers) and 카메라 (inside 몰래카메라, a prank). Also
// 기타 (a guitar, but also "other"), 사진 (any photo), 타로 (tarot, but also taro), 수면 (sleep,
// but also a water surface).
export const KOREAN: LanguageWords = {
  language: 'ko',
  name: 'Korean',
  keywords: {
    anime: '애니메이션, 만화, 코스프레, 웹툰',
    art: '그림그리기, 미술, 일러스트, 수채화, 드로잉, 유화',
    asmr: '팅글',
    beauty: '메이크업, 화장품, 스킨케어, 뷰티, 립스틱, 피부관리',
    books: '독서, 소설, 책추천',
    cars: '자동차, 슈퍼카, 오토바이',
    comedy: '웃긴, 개그, 코미디, 꿀잼',
    cooking: '요리, 레시피, 먹방, 맛집, 집밥, 베이킹, 디저트, 반찬',
    dance: '댄스, 커버댄스, 안무영상',
    diy: '뜨개질, 핸드메이드, 공예',
    fashion: '패션, 코디, 데일리룩',
    finance: '재테크, 주식, 투자, 월급, 저축, 적금, 부동산',
    fitness:
      '헬스장, 헬린이, 오운완, 홈트, 다이어트, 필라테스, 스쿼트, 운동기록, 운동루틴, 하체운동, 상체운동, 근력운동',
    gaming: '게임, 배그, 게이머, 마인크래프트',
    'health-wellness': '건강, 명상, 멘탈, 심리상담, 요가',
    history: '역사, 조선시대, 고려시대, 한국사, 세계사',
    'home-garden': '인테리어, 대청소, 청소루틴, 집꾸미기, 식물키우기, 정리정돈, 가드닝, 살림',
    'language-learning': '영어공부, 영어회화, 문법, 발음',
    motivation: '동기부여, 자기계발, 갓생, 미라클모닝, 습관',
    'movies-tv': '영화, 드라마, 넷플릭스, 예고편',
    music: '노래, 음악, 가수, 피아노, 커버곡, 신곡, 케이팝, 아이돌, 직캠',
    'news-politics': '뉴스, 정치, 선거, 대통령, 국회, 속보, 정부',
    outdoors: '등산, 캠핑, 차박, 낚시, 트레킹',
    parenting: '육아, 임신, 출산, 신생아, 이유식, 모유수유, 돌잔치',
    pets: '강아지, 고양이, 반려견, 반려묘, 반려동물, 댕댕이, 냥이, 냥스타그램, 멍스타그램',
    photography: '사진작가, 출사, 필름카메라, 미러리스',
    pranks: '몰래카메라, 깜짝카메라',
    relationships: '남자친구, 여자친구, 남친, 여친, 커플, 연애, 결혼, 이별, 부부',
    science: '과학, 물리학, 화학, 생물학, 실험, 수학공부, 우주',
    spirituality: '타로카드, 타로점, 별자리, 운세',
    sports: '축구, 야구, 농구, 배구, 골프, 테니스, 올림픽',
    tech: '아이폰, 스마트폰, 노트북, 코딩, 프로그래밍, 개발자, 인공지능, 전자기기',
    travel: '여행, 호텔, 공항, 관광, 숙소',
  },
  hashtags: {},
};
