import { describe, expect, it } from 'vitest';
import { money, perHour, perMillion, replyUsd } from '../../../src/core/money.js';

describe('money', () => {
  it('a reply\'s cost keeps two significant digits under a cent, four decimals under a dollar, two above, and $0 for nothing', () => {
    expect([0, 0.0000069, 0.0123, 1.25, 2.5].map(replyUsd)).toEqual(['$0', '$0.0000069', '$0.0123', '$1.25', '$2.50']);
  });

  it('a training cost has three decimals under a dollar and two above; prices say their unit', () => {
    expect([0.004, 0.42, 12.5].map(money)).toEqual(['$0.004', '$0.420', '$12.50']);
    expect([perHour(3.36), perMillion(1.5)]).toEqual(['$3.36/h', '$1.50/1M']);
  });
});
