import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from './index';

// Stored screenings keep their decisions and take their words from the instrument version
// that scored them, so a shipped version must never change. Change wording, weights or
// rules in a new version (v2) instead; this fingerprint then stays as it is.
const V1_FINGERPRINT = 'b4cd278995a992e3';

function fingerprint(text: string): string {
  // FNV-1a, 2×32 bits: no crypto needed to notice an edit.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

describe('heightened-risk v1', () => {
  it('is frozen: its content matches the fingerprint it shipped with', () => {
    expect(fingerprint(JSON.stringify(heightenedRiskV1))).toBe(V1_FINGERPRINT);
  });
});
