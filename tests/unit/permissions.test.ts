import { describe, expect, it } from "vitest";
import { ACCESS, decide } from "~/auth/permissions";
import { safeRedirect } from "~/auth/redirect";

const outsider = { signedIn: true, isMember: false, roles: [], isStreetAdmin: false } as const;
const resident = { signedIn: true, isMember: true, roles: ["resident"], isStreetAdmin: false } as const;
const admin = { signedIn: true, isMember: false, roles: [], isStreetAdmin: true } as const;
const anonymous = { signedIn: false, isMember: false, roles: [], isStreetAdmin: false } as const;

describe("decide", () => {
  it("lets anyone see public pages", () => {
    expect(decide("anyone", anonymous)).toBe("allow");
  });
  it("sends the signed-out to sign in before anything else", () => {
    expect(decide("member", anonymous)).toBe("signIn");
    expect(decide({ roles: ["committee"] }, anonymous)).toBe("signIn");
  });
  it("hides a community from outsiders with not-found, even for role pages", () => {
    expect(decide("member", outsider)).toBe("notFound");
    expect(decide({ roles: ["committee"] }, outsider)).toBe("notFound");
  });
  it("forbids a member without the role", () => {
    expect(decide({ roles: ["committee", "convener"] }, resident)).toBe("forbidden");
    expect(decide({ roles: ["resident"] }, resident)).toBe("allow");
    expect(decide("streetAdmin", resident)).toBe("forbidden");
  });
  it("lets a street admin read member pages but not act in a role", () => {
    expect(decide("member", admin)).toBe("allow");
    expect(decide({ roles: ["representative"] }, admin)).toBe("forbidden");
    expect(decide("streetAdmin", admin)).toBe("allow");
  });
  it("lets a street admin into a role page that names the street too, and no one else without the role", () => {
    expect(decide({ roles: ["committee"], streetAdmin: true }, admin)).toBe("allow");
    expect(decide({ roles: ["committee"], streetAdmin: true }, resident)).toBe("forbidden");
    expect(decide({ roles: ["committee"], streetAdmin: true }, outsider)).toBe("notFound");
    expect(decide(ACCESS.register.audience, admin)).toBe("allow");
    expect(decide(ACCESS.register.audience, resident)).toBe("forbidden");
  });
  it("lets the street's staff (its admin, its departments' contacts) into the calls, refuses the communities' people, hides them from outsiders", () => {
    const contact = { signedIn: true, isMember: true, roles: [], isStreetAdmin: false, isDepartmentContact: true } as const;
    expect(decide("streetStaff", admin)).toBe("allow");
    expect(decide("streetStaff", contact)).toBe("allow");
    expect(decide("streetStaff", resident)).toBe("forbidden");
    expect(decide("streetStaff", outsider)).toBe("notFound");
    expect(decide("streetStaff", anonymous)).toBe("signIn");
    expect(decide("streetAdmin", contact)).toBe("forbidden");
  });
  it("every route in the table has a path and an audience", () => {
    for (const [key, route] of Object.entries(ACCESS)) {
      expect(route.path, key).toMatch(/^\//);
    }
  });
});

describe("safeRedirect", () => {
  it.each([
    ["/c/mingyue", "/c/mingyue"],
    ["//evil.example", "/"],
    ["https://evil.example", "/"],
    ["/\\evil", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});
