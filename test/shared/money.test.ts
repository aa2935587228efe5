import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { percentOf, roundMoney } from '../../shared/money.js';

describe('roundMoney', () => {
  it('rounds to cents, half away from zero, despite float noise', () => {
    assert.equal(roundMoney(1.005), 1.01);
    assert.equal(roundMoney(2.675), 2.68);
    assert.equal(roundMoney(-2.675), -2.68);
    assert.equal(roundMoney(0.125), 0.13);
    assert.equal(roundMoney(1.004), 1);
    assert.equal(roundMoney(0.1 + 0.2), 0.3);
  });
  it('keeps whole and cent amounts as they are', () => {
    assert.equal(roundMoney(237), 237);
    assert.equal(roundMoney(213.3), 213.3);
    assert.equal(roundMoney(1234567.89), 1234567.89);
  });
  it('never gives -0', () => {
    assert.ok(Object.is(roundMoney(-0.001), 0), 'expected Object.is(roundMoney(-0.001), 0)');
  });
  it('passes NaN and infinities through', () => {
    assert.ok(
      Number.isNaN(roundMoney(Number.NaN)),
      'expected Number.isNaN(roundMoney(Number.NaN))',
    );
    assert.equal(roundMoney(Infinity), Infinity);
  });
});

describe('percentOf', () => {
  it('gives the discount and fee amounts of the wire examples', () => {
    assert.equal(percentOf(237, 10), 23.7);
    assert.equal(percentOf(89, 10), 8.9);
    assert.equal(percentOf(89, 15), 13.35);
  });
  it('rounds the result to cents', () => {
    assert.equal(percentOf(59, 15), 8.85);
    assert.equal(percentOf(33.33, 10), 3.33);
    assert.equal(percentOf(10.05, 10), 1.01);
  });
});
