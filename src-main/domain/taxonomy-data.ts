// The topic table behind taxonomy.ts. Categories follow the content categories TikTok shows
// publicly (the "Manage topics" list and its interest categories), split where TikTok's groups
// are too coarse to explain a feed (e.g. anime apart from movies & TV). Keywords are single,
// lower-case words chosen to be unambiguous on their own: words that often appear in unrelated
// captions ('car', 'mom', 'goals', 'series', 'war', 'cover') are left out on purpose, and no word
// belongs to two topics (test/domain/taxonomy.test.ts checks both). These are the English words;
// every other language has its own file in taxonomy-words/. See docs/TAXONOMY.md.

/** The ids of TOPIC_TABLE, so the word lists of taxonomy-words/ can only name real topics. */
export type TopicId =
  | 'anime'
  | 'art'
  | 'asmr'
  | 'beauty'
  | 'books'
  | 'cars'
  | 'comedy'
  | 'cooking'
  | 'dance'
  | 'diy'
  | 'fashion'
  | 'finance'
  | 'fitness'
  | 'gaming'
  | 'health-wellness'
  | 'history'
  | 'home-garden'
  | 'language-learning'
  | 'motivation'
  | 'movies-tv'
  | 'music'
  | 'news-politics'
  | 'outdoors'
  | 'parenting'
  | 'pets'
  | 'photography'
  | 'pranks'
  | 'relationships'
  | 'science'
  | 'spirituality'
  | 'sports'
  | 'tech'
  | 'travel';

export type Topic = {
  /** One of TopicId; typed as a string so callers can compare it with any stored topic id. */
  id: string;
  label: string;
  /** Lower-case words matched as whole words in captions and search queries. */
  keywords: string[];
  /** Lower-case hashtag names without '#', besides the keywords (which match as hashtags too). */
  hashtags: string[];
};

// Space-separated lists keep the table readable: one line per list.
const words = (list: string): string[] => list.split(' ');

export const TOPIC_TABLE: readonly Topic[] = [
  {
    id: 'anime',
    label: 'Anime & Manga',
    keywords: words('anime manga otaku cosplay cosplayer naruto weeb mangaka shonen ghibli isekai'),
    hashtags: words('animetok animeedit cosplaytok onepiece jujutsukaisen demonslayer animefan'),
  },
  {
    id: 'art',
    label: 'Art',
    keywords: words(
      'art artist artwork painting drawing sketchbook watercolor acrylic illustration canvas sculpture pottery ceramics procreate',
    ),
    hashtags: words(
      'arttok artistsoftiktok digitalart paintingtok drawingtok potterytok artprocess oilpainting',
    ),
  },
  {
    id: 'asmr',
    label: 'ASMR & Satisfying',
    keywords: words('asmr tingles whisper whispering satisfying crunchy slime whispers'),
    hashtags: words('asmrsounds asmrtiktok oddlysatisfying asmrcommunity satisfyingvideo slimetok'),
  },
  {
    id: 'beauty',
    label: 'Beauty & Skincare',
    keywords: words(
      'makeup skincare lipstick mascara eyeliner concealer serum moisturizer manicure nails haircare hairstyle grwm sunscreen',
    ),
    hashtags: words(
      'beautytok makeuptutorial skincareroutine makeuptok nailart hairtok beautyhacks skintok',
    ),
  },
  {
    id: 'books',
    label: 'Books',
    keywords: words(
      'books booktok novel novels author bookshelf bookstore paperback audiobook reread tbr',
    ),
    hashtags: words(
      'bookrecommendations bookish booklover bookworm romancebooks bookreview fantasybooks booktoker',
    ),
  },
  {
    id: 'cars',
    label: 'Cars & Vehicles',
    keywords: words(
      'cars supercar supercars motorcycle mechanic tesla turbo horsepower jdm carmeet porsche lamborghini exhaust motorbike',
    ),
    hashtags: words(
      'cartok carsoftiktok carguy carcommunity jdmcars motorcycletok carcheck supercarsoftiktok',
    ),
  },
  {
    id: 'comedy',
    label: 'Comedy',
    keywords: words(
      'comedy funny joke jokes skit skits standup hilarious comedian parody meme memes relatable',
    ),
    hashtags: words('comedytok humor funnyvideos standupcomedy lol relatablecontent comedyskit'),
  },
  {
    id: 'cooking',
    label: 'Food & Cooking',
    keywords: words(
      'recipe recipes cook cooking baking bake pasta dinner breakfast dessert chef kitchen foodie ingredients sourdough noodles omelette',
    ),
    hashtags: words(
      'foodtok easyrecipe recipesoftiktok bakingtok cheflife homecooking whatieatinaday mealprep foodtiktok dinnerideas',
    ),
  },
  {
    id: 'dance',
    label: 'Dance',
    keywords: words(
      'dance dancing dancer dancers choreography choreo breakdance ballet tango ballroom twerk',
    ),
    hashtags: words('dancetok dancechallenge dancetutorial dancevideo balletdancer kpopdance'),
  },
  {
    id: 'diy',
    label: 'DIY & Crafts',
    keywords: words(
      'diy crafts crafting crochet knitting sewing woodworking handmade upcycle upcycling embroidery resin quilting',
    ),
    hashtags: words(
      'diyproject crafttok crochettok knittok sewingtok woodworkingtok diycrafts handmadewithlove',
    ),
  },
  {
    id: 'fashion',
    label: 'Fashion',
    keywords: words(
      'fashion outfit outfits ootd sneakers thrift thrifting thrifted streetwear wardrobe dress jeans lookbook styling',
    ),
    hashtags: words(
      'fashiontok outfitinspo ootdfashion outfitideas thrifttok styletips fitcheck sneakerhead',
    ),
  },
  {
    id: 'finance',
    label: 'Personal Finance',
    keywords: words(
      'money finance investing invest stocks budget budgeting savings crypto bitcoin salary taxes debt retirement mortgage dividends',
    ),
    hashtags: words(
      'moneytok fintok personalfinance financetips investingtips stocktok moneytips budgetingtips',
    ),
  },
  {
    id: 'fitness',
    label: 'Fitness',
    keywords: words(
      'workout workouts gym fitness squat squats deadlift cardio hiit pilates abs bodybuilding calisthenics pushups treadmill protein dumbbell dumbbells',
    ),
    hashtags: words(
      'gymtok fitnesstok legday homeworkout fitnessmotivation gymlife fittok workoutroutine gymmotivation',
    ),
  },
  {
    id: 'gaming',
    label: 'Gaming',
    keywords: words(
      'gaming gamer gamers minecraft fortnite roblox valorant playstation xbox nintendo esports speedrun gameplay twitch streamer',
    ),
    hashtags: words(
      'gamingtok videogames pcgaming gamingsetup gamingclips gamertok minecraftbuilding',
    ),
  },
  {
    id: 'health-wellness',
    label: 'Health & Wellness',
    keywords: words(
      'health wellness mindfulness meditation meditate sleep therapy therapist anxiety selfcare nutrition hydration yoga burnout journaling',
    ),
    hashtags: words(
      'mentalhealth healthtok mentalhealthmatters healthylifestyle wellnesstok yogatok selfcaretips healthyhabits',
    ),
  },
  {
    id: 'history',
    label: 'History',
    keywords: words(
      'history historical historian ancient medieval empire ww2 wwii pharaoh romans archaeology dynasty museum artifact vikings',
    ),
    hashtags: words(
      'historytok historyfacts ancienthistory learnhistory historybuff archaeologytok',
    ),
  },
  {
    id: 'home-garden',
    label: 'Home & Garden',
    keywords: words(
      'garden gardening plants houseplants decor interior renovation cleaning organizing apartment furniture backyard homedecor declutter compost',
    ),
    hashtags: words(
      'gardentok planttok cleantok hometok interiordesign homedecorideas organizationhacks gardeningtips homemakeover',
    ),
  },
  {
    id: 'language-learning',
    label: 'Language Learning',
    keywords: words(
      'duolingo vocabulary grammar pronunciation bilingual polyglot fluent fluency linguistics esl conjugation idioms',
    ),
    hashtags: words(
      'languagelearning learnenglish learnspanish learnfrench learnjapanese languagetok learngerman englishteacher',
    ),
  },
  {
    id: 'motivation',
    label: 'Motivation & Self-improvement',
    keywords: words(
      'motivation motivational mindset discipline success hustle inspiration productivity affirmations habits grindset selfimprovement',
    ),
    hashtags: words(
      'motivationtok successmindset productivitytips dailymotivation glowup thatgirl morningroutine',
    ),
  },
  {
    id: 'movies-tv',
    label: 'Movies & TV',
    keywords: words(
      'movie movies film films netflix trailer actor actress cinema hollywood sitcom marvel screenplay blockbuster',
    ),
    hashtags: words(
      'filmtok movietok tvshow moviereview movierecommendations netflixrecommendations tvtok',
    ),
  },
  {
    id: 'music',
    label: 'Music',
    keywords: words(
      'music song songs singing singer guitar piano drums rapper rap concert album lyrics musician vocals violin hiphop kpop',
    ),
    hashtags: words(
      'musictok newmusic songwriter singingchallenge guitartok pianotok originalsong livemusic',
    ),
  },
  {
    id: 'news-politics',
    label: 'News & Politics',
    keywords: words(
      'news politics political election elections government president senate congress vote voting protest parliament legislation',
    ),
    hashtags: words('breakingnews newsupdate politicaltiktok currentevents worldnews politicstok'),
  },
  {
    id: 'outdoors',
    label: 'Outdoors & Nature',
    keywords: words(
      'hiking hike camping nature mountains forest fishing kayak kayaking wildlife trail waterfall campfire backcountry birdwatching',
    ),
    hashtags: words(
      'outdoors naturetok hikingadventures vanlife campingtok fishingtok outdoorlife hikingtok',
    ),
  },
  {
    id: 'parenting',
    label: 'Parenting & Family',
    keywords: words(
      'parenting toddler toddlers newborn pregnancy pregnant momlife dadlife breastfeeding postpartum homeschool diaper diapers motherhood fatherhood',
    ),
    hashtags: words(
      'momtok dadsoftiktok parentsoftiktok momsoftiktok toddlermom parentinghacks familytime newmom',
    ),
  },
  {
    id: 'pets',
    label: 'Pets & Animals',
    keywords: words(
      'dog dogs puppy puppies cat cats kitten kittens pet pets hamster parrot bunny doggo vet',
    ),
    hashtags: words(
      'dogsoftiktok catsoftiktok petsoftiktok dogtok cattok puppylove animalsoftiktok funnyanimals',
    ),
  },
  {
    id: 'photography',
    label: 'Photography',
    keywords: words(
      'photography photographer photoshoot lens portrait lightroom aperture shutter analog tripod',
    ),
    hashtags: words(
      'photographytips phototok cameratok filmphotography photooftheday photographytok',
    ),
  },
  {
    id: 'pranks',
    label: 'Pranks',
    keywords: words('prank pranks pranked pranking prankster pranksters prankwars trolled'),
    hashtags: ['pranktok', 'prankvideo', 'pranksonfamily', 'prankcall', 'funnyprank'],
  },
  {
    id: 'relationships',
    label: 'Relationships & Dating',
    keywords: words(
      'relationship relationships dating boyfriend girlfriend husband wife couple couples breakup crush marriage situationship datenight',
    ),
    hashtags: words(
      'couplegoals datingadvice relationshipadvice couplestiktok relationshiptok datingtips couplecomedy',
    ),
  },
  {
    id: 'science',
    label: 'Science & Education',
    keywords: words(
      'science scientist physics chemistry biology experiment astronomy planets nasa molecules math maths geology telescope neuroscience',
    ),
    hashtags: words(
      'sciencetok learnontiktok edutok stem scienceexperiment mathtok spacetok funfacts',
    ),
  },
  {
    id: 'spirituality',
    label: 'Spirituality & Astrology',
    keywords: words(
      'astrology tarot zodiac horoscope manifesting manifestation spiritual spirituality crystals numerology',
    ),
    hashtags: words('spiritualtok witchtok astrologytok tarotreading zodiacsigns manifestationtok'),
  },
  {
    id: 'sports',
    label: 'Sports',
    keywords: words(
      'sports football soccer basketball nba nfl tennis baseball hockey cricket rugby golf boxing ufc athlete olympics',
    ),
    hashtags: words(
      'sportstok footballtiktok soccertiktok basketballtok golftok sportshighlights nbahighlights',
    ),
  },
  {
    id: 'tech',
    label: 'Tech',
    keywords: words(
      'tech iphone android smartphone laptop gadget gadgets coding programming programmer software chatgpt computer linux',
    ),
    hashtags: words(
      'techtok techreview codingtok learntocode techhacks gadgetreview aitools setuptour',
    ),
  },
  {
    id: 'travel',
    label: 'Travel',
    keywords: words(
      'travel traveling travelling trip vacation flight airport hotel backpacking itinerary tourist passport roadtrip wanderlust hostel',
    ),
    hashtags: words(
      'traveltok travelgram solotravel bucketlist traveltips travelvlog hiddengems traveltiktok',
    ),
  },
];
