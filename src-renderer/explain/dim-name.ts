// A profile dimension's key in plain words. Keys are what traces store (`topic:fitness`,
// `sound:7906…`, `effect:https://…`, src-main/engine/dims.ts); a sound's or an effect's key is an id
// or a link that means nothing to a reader, so it is named by its kind ("a sound") and the key
// goes to the hover (issue 19 item 6).

const BY_KIND: Record<string, string> = {
  sound: 'a sound',
  effect: 'an effect',
};

/** 'topic:fitness' → 'topic fitness'; 'hashtag:gymtok' → '#gymtok'; 'sound:7906…' → 'a sound'. */
export function dimName(dim: string): string {
  const colon = dim.indexOf(':');
  if (colon < 0) return dim;
  const type = dim.slice(0, colon);
  const name = dim.slice(colon + 1);
  const byKind = BY_KIND[type];
  if (byKind) return byKind;
  switch (type) {
    case 'hashtag':
      // A favourite hashtag from an export is known by its numeric id only.
      return /^\d+$/.test(name) ? 'a hashtag' : `#${name}`;
    case 'creator':
      return name;
    case 'search':
      return `search “${name}”`;
    case 'duration':
      return `${name} videos`;
    default:
      return `${type} ${name}`;
  }
}
