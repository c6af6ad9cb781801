// A scenario file's id comes from its title (the schema allows lower-case letters, digits and
// dashes, at most 60). Pure and tested (test/renderer/lab-card.test.ts).

export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'scenario' : s;
}
