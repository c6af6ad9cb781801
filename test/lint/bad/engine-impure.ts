// Deliberately impure: test/lint/purity.test.ts lints this text as if it sat in src-main/engine/
// and expects every line below to be reported. (Its imports are the layer checker's business:
// test/lint/layers.test.ts.)
export const now = Date.now();
export const roll = Math.random();
export const env = process.env.HOME;
console.log(now);
