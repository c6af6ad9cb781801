// Every trace matches docs/trace.schema.json's structure: required keys, in the documented order,
// with no others (a small structural check; the schema is the reference).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCatalogue, replay, resolveConfig } from '../../src-main/engine';
import { makeCatalogue, streamArb, toEvents } from './fixtures';

type Schema = {
  required: string[];
  properties: Record<string, { required?: string[] }>;
  $defs: Record<string, { required: string[] }> & {
    cause: { oneOf: { required: string[]; properties: { cause: { const: string } } }[] };
  };
};
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../docs/trace.schema.json', import.meta.url)), 'utf8'),
) as Schema;

describe('trace shape', () => {
  it('matches docs/trace.schema.json (keys, order, nothing extra)', () => {
    const items = makeCatalogue(50, 4);
    const events = toEvents(fc.sample(streamArb(40), { seed: 5, numRuns: 1 })[0]!, items);
    const r = replay({
      events,
      catalogue: prepareCatalogue(items),
      config: resolveConfig({}),
      seed: 1,
      points: { kind: 'every', n: Math.max(1, Math.floor(events.length / 3)) },
    });
    expect(r.slates.length).toBeGreaterThan(0);
    for (const { trace } of r.slates) {
      expect(Object.keys(trace)).toEqual(schema.required);
      expect(Object.keys(trace.profileRef)).toEqual(schema.properties.profileRef!.required);
      expect(trace.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      for (const item of trace.items) {
        expect(Object.keys(item)).toEqual(schema.$defs.item!.required);
        expect(Object.keys(item.contributions)).toEqual(schema.$defs.featureRecord!.required);
        expect(typeof item.itemId).toBe('string');
      }
      for (const r of trace.removed) {
        expect(Object.keys(r)).toEqual(['itemId', 'rule', 'cause']);
        expectCause(r.cause);
      }
      for (const e of trace.items.flatMap((i) => i.rules)) expectCause(e.cause);
    }
  });
});

/** A rule's cause has exactly the keys, in order, of its kind in $defs/cause. */
function expectCause(cause: { cause: string }): void {
  const kind = schema.$defs.cause.oneOf.find((c) => c.properties.cause.const === cause.cause);
  expect(kind, cause.cause).toBeDefined();
  expect(Object.keys(cause)).toEqual(kind!.required);
}
