import { describe, expect, it } from "vitest";
import { ipInRange, parseIpAddress, parseIpRange } from "../../../src/runtime/searchguard/sg-ip-ranges.js";

const inRange = (address: string, range: string) => ipInRange(parseIpAddress(address)!, parseIpRange(range)!);

describe("ips ranges", () => {
  it("contain the addresses sharing the prefix", () => {
    expect(inRange("192.168.3.4", "192.168.0.0/16")).toBe(true);
    expect(inRange("192.169.0.1", "192.168.0.0/16")).toBe(false);
    expect(inRange("10.0.0.129", "10.0.0.128/25")).toBe(true);
    expect(inRange("10.0.0.127", "10.0.0.128/25")).toBe(false);
  });

  it("read a single address as a range of one", () => {
    expect(inRange("10.0.0.7", "10.0.0.7")).toBe(true);
    expect(inRange("10.0.0.8", "10.0.0.7")).toBe(false);
  });

  it("read IPv6 with :: and never mix families", () => {
    expect(inRange("2001:db8::1", "2001:db8::/32")).toBe(true);
    expect(inRange("2001:db9::1", "2001:db8::/32")).toBe(false);
    expect(inRange("10.0.0.7", "::/0")).toBe(false);
  });

  it("refuse what is not an address or range", () => {
    for (const text of ["", "10.0.0", "10.0.0.256", "10.0.0.0/33", "1::2::3", "host.example", "10.0.0.0/x"]) expect(parseIpRange(text)).toBeUndefined();
  });
});
