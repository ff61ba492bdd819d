import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/backoff";

const options = { initialMs: 1000, maxMs: 60_000 };

describe("backoff", () => {
  it("the ceiling doubles with each failed attempt", () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, options, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("jitter keeps the wait within the upper half of the ceiling", () => {
    expect(backoffDelay(3, options, () => 0)).toBe(4000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(6000);
  });

  it("no wait exceeds the cap, however many failures", () => {
    expect(backoffDelay(40, options, () => 1)).toBe(60_000);
    expect(backoffDelay(1000, options, () => 1)).toBe(60_000);
  });
});
