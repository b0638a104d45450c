import { fromHundredths, toHundredths } from './fixed-point';

describe('fixed point', () => {
  it.each([
    [12.5, 1_250],
    [100, 10_000],
    [0.01, 1],
    [0.29, 29],
    [1_234_567.89, 123_456_789],
    [0, 0],
  ])('reads %p as %p hundredths, exactly', (value, hundredths) => expect(toHundredths(value)).toBe(hundredths));

  it.each([[1.005], [0.001], [12.345], [1e-7], [0.1 + 0.2], [Number.NaN], [Number.POSITIVE_INFINITY], [1e13], ['12.5'], [null]])(
    'refuses %p (more than 2 decimals, not finite, too large or not a number)',
    (value) => expect(toHundredths(value)).toBeUndefined(),
  );

  it('shows hundredths as the decimal the client sent', () => {
    expect(fromHundredths(1_250)).toBe(12.5);
    expect(fromHundredths(29)).toBe(0.29);
    expect(fromHundredths((toHundredths(0.1) ?? 0) + (toHundredths(0.2) ?? 0))).toBe(0.3);
  });
});
