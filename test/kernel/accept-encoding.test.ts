import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negotiate, pickEncoding } from '../../src/kernel/http/accept-encoding.js';

/** Accept-Encoding as browsers, crawlers and odd clients send it, and the coding each must get. */
const CASES: [string | undefined, 'br' | 'gzip' | null][] = [
  [undefined, null],
  ['', null],
  ['gzip, deflate, br, zstd', 'br'], // Chromium
  ['gzip, deflate, br', 'br'], // Firefox, Safari
  ['gzip', 'gzip'], // wrk, curl --compressed without brotli
  ['GZIP', 'gzip'],
  ['x-gzip', 'gzip'],
  ['identity', null],
  ['deflate', null],
  // Refusals, however spelled.
  ['br;q=0, gzip', 'gzip'],
  ['br ; q=0 , gzip', 'gzip'],
  ['BR;Q=0, gzip', 'gzip'],
  ['gzip;q=0', null],
  ['gzip;q=0.000', null],
  ['gzip, gzip;q=0', null],
  ['gzip;q=0.001', 'gzip'],
  // Weights: the heavier wins, brotli on a tie.
  ['br;q=0.5, gzip', 'gzip'],
  ['br;q=0.8, gzip;q=0.8', 'br'],
  ['gzip;q=1.0, br;q=0.9', 'gzip'],
  // `*` covers every coding not named.
  ['*', 'br'],
  ['*;q=0', null],
  ['br;q=0, *', 'gzip'],
  ['gzip;q=0, *', 'br'],
  ['*;q=0.5, gzip', 'gzip'],
  ['identity;q=1, *;q=0', null],
  // Names are whole tokens: none of these is brotli or gzip.
  ['brotli', null],
  ['br-x, gzipped', null],
  // Malformed weights leave the element out; other parameters are ignored.
  ['br;q=2, gzip', 'gzip'],
  ['br;q=abc, gzip;q=0.5', 'gzip'],
  ['br;q=1.5', null],
  ['gzip;level=9', 'gzip'],
  [',,gzip,,', 'gzip'],
];

test('Accept-Encoding is read as RFC 9110 defines it: weights, refusals, `*`, whole names', () => {
  for (const [header, expected] of CASES) {
    assert.equal(negotiate(header), expected, `Accept-Encoding: ${JSON.stringify(header)}`);
  }
});

test('pickEncoding, which remembers the last header, answers as negotiate does in any order', () => {
  // Twice through, forwards then backwards: a remembered answer must never leak to another header.
  const order = [...CASES, ...CASES.slice().reverse(), ...CASES];
  for (const [header, expected] of order) {
    assert.equal(pickEncoding(header), expected, `Accept-Encoding: ${JSON.stringify(header)}`);
    assert.equal(pickEncoding(header), expected, `Accept-Encoding: ${JSON.stringify(header)}, asked again`);
  }
});
