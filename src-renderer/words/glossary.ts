// The few terms of art that stay on screen because the papers and tools a reader may compare with
// use them (issue 19 item 6); everything else is said in plain words. Each definition matches the
// formula in src-main/engine/ (agreement.ts, metrics.ts) and names its source.

export type GlossaryEntry = {
  /** The term as the screens print it. */
  term: string;
  /** What it stands for, spelled out. */
  stands: string;
  /** One or two plain sentences: what it measures and how to read it. */
  plain: string;
  source: string;
};

export const GLOSSARY = {
  ndcg: {
    term: 'NDCG',
    stands: 'normalised discounted cumulative gain',
    plain:
      'How high in Feedlens’s top 20 the videos you really watched next were placed: 1 means they ' +
      'filled the very top, 0 means none of them was in the list. A hit lower down counts less.',
    source: 'Järvelin & Kekäläinen, “Cumulated gain-based evaluation of IR techniques”, 2002',
  },
  'hit-rate': {
    term: 'hit rate',
    stands: 'the share of hits in the top 20',
    plain:
      'Of the videos you really watched next (up to 20 a session), the share that were among the ' +
      'first 20 Feedlens would have shown at the session’s start.',
    source: 'Feedlens’s agreement measure (src-main/engine/agreement.ts)',
  },
  kl: {
    term: 'KL',
    stands: 'Kullback–Leibler divergence',
    plain:
      'How far the feed’s mix of topics is from your profile’s mix: 0 means the same mix, and the ' +
      'number grows as the feed drifts toward topics your profile holds little of. Measured in bits.',
    source: 'Steck, “Calibrated recommendations”, RecSys 2018',
  },
  entropy: {
    term: 'entropy',
    stands: 'Shannon entropy of the profile’s topics, in bits',
    plain:
      'How evenly your profile spreads over topics: 0 bits means a single topic, and each extra ' +
      'bit means about twice as many topics weighted alike. Lower means narrower.',
    source: 'Shannon, “A mathematical theory of communication”, 1948',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;
