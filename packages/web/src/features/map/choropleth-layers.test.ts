import { describe, expect, it } from 'vitest';
import { breaksOf, FILL_CLASSES, fillOf, type AreaValue } from './choropleth-layers';

describe('colouring a choropleth', () => {
  const values: AreaValue[] = [{ kind: 'count', value: 0 }, { kind: 'count', value: 50 }, { kind: 'count', value: 500 }, { kind: 'suppressed' }];
  const breaks = breaksOf(values);

  it('never draws a withheld count as zero or as a class', () => {
    expect(fillOf({ kind: 'suppressed' }, breaks)).toBe('url(#map-suppressed)');
    expect(fillOf({ kind: 'rolled_up', into: 'X' }, breaks)).toBe('url(#map-rolled-up)');
    expect(fillOf({ kind: 'count', value: 0 }, breaks)).not.toBe(fillOf({ kind: 'suppressed' }, breaks));
  });

  it('puts the largest count in the darkest class and small ones in lighter ones', () => {
    expect(breaks[breaks.length - 1]).toBe(500);
    expect(fillOf({ kind: 'count', value: 500 }, breaks)).toBe(FILL_CLASSES[FILL_CLASSES.length - 1]);
    expect(fillOf({ kind: 'count', value: 50 }, breaks)).toBe(FILL_CLASSES[0]);
  });
});
