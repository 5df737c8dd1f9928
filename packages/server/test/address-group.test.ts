import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressGroup } from '../src/address-group';

const hex = (groups: number[]) => groups.map((group) => group.toString(16)).join(':');

describe('the client address the limits and locks count', () => {
  it('an IPv4 address is itself, written plainly or as IPv6 by a dual-stack socket', () => {
    expect(addressGroup('192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('::FFFF:c000:0207')).toBe('192.0.2.7');
    expect(addressGroup('192.0.2.8')).not.toBe(addressGroup('192.0.2.7'));
  });

  it('an IPv6 address counts as its /64, however it is written', () => {
    expect(addressGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0DB8:0001:0002:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('2001:db8:1:3::1')).not.toBe(addressGroup('2001:db8:1:2::1'));
  });

  it('any two addresses of one /64 share a group; addresses of different /64s never do', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const half = fc.array(group, { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(half, half, half, half, (network, otherNetwork, host, otherHost) => {
        // Written in full; Node's URL parser gives the compressed form (with `::`) of the same address.
        const full = hex([...network, ...host]);
        const compressed = new URL(`http://[${hex([...network, ...otherHost])}]`).hostname.slice(1, -1);
        expect(addressGroup(compressed)).toBe(addressGroup(full));
        const same = network.every((value, i) => value === otherNetwork[i]);
        expect(addressGroup(hex([...otherNetwork, ...host])) === addressGroup(full)).toBe(same);
      }),
    );
  });
});
