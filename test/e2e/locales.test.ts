import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Every visible string exists in all three languages: the key sets must be identical. */
type Tree = { [key: string]: string | Tree };

const load = (language: string): Tree => JSON.parse(readFileSync(new URL(`../../web/src/locales/${language}.json`, import.meta.url), "utf8")) as Tree;

const keysOf = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [prefix + key] : keysOf(value, `${prefix}${key}.`)));

describe("web locales", () => {
  const en = keysOf(load("en")).sort();

  it.each(["ru", "uk"])("%s has exactly the keys of en", (language) => {
    expect(keysOf(load(language)).sort()).toEqual(en);
  });

  it.each(["ru", "uk", "en"])("%s has no empty strings", (language) => {
    const tree = load(language);
    const empty = keysOf(tree).filter((key) => {
      const value = key.split(".").reduce<string | Tree | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);
      return typeof value !== "string" || value.trim() === "";
    });
    expect(empty).toEqual([]);
  });

  it("translates every error code the server can send", () => {
    const source = readFileSync(new URL("../../src/server/errors.ts", import.meta.url), "utf8");
    const catalog = source.slice(source.indexOf("const CATALOG"), source.indexOf("} satisfies"));
    const codes = [...catalog.matchAll(/^\s+([a-z_]+): \{ status:/gm)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(en, `errors.${code}`).toContain(`errors.${code}`);
  });
});
