import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The import-boundary lint (eslint-rules/import-boundaries.js, docs/architecture.md) run with
 * the project's ESLint config on planted imports. Each fixture in tests/fixtures/boundaries/
 * says where it pretends to live (`// lint as: app/modules/platform/jobs.server.ts`) and what
 * the rule must say (`// expect: <part of the message>`, or `// expect: ok`); the fixtures
 * are plain text, never part of the app.
 */

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const FIXTURES = join(ROOT, "tests", "fixtures", "boundaries");
const RULE = "boundaries/import-boundaries";

interface Fixture {
  name: string;
  code: string;
  lintAs: string;
  expected: string | null;
}

function readFixture(name: string): Fixture {
  const code = readFileSync(join(FIXTURES, name), "utf8");
  const lintAs = /^\/\/ lint as: (.+)$/m.exec(code)?.[1];
  const expect = /^\/\/ expect: (.+)$/m.exec(code)?.[1];
  if (!lintAs || !expect) throw new Error(`${name} needs "// lint as:" and "// expect:" lines`);
  return { name, code, lintAs, expected: expect === "ok" ? null : expect };
}

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map(readFixture);

const eslint = new ESLint({ cwd: ROOT });

async function boundaryMessages(fixture: Fixture): Promise<string[]> {
  const [result] = await eslint.lintText(fixture.code, { filePath: join(ROOT, fixture.lintAs) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === RULE)
    .map((message) => message.message);
}

describe("import boundaries", () => {
  it("has planted wrong imports and correct ones to check", () => {
    expect(fixtures.filter((f) => f.expected !== null).length).toBeGreaterThanOrEqual(10);
    expect(fixtures.filter((f) => f.expected === null).length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtures.filter((f) => f.expected !== null).map((f) => [f.name, f] as const))(
    "%s: the lint fails",
    async (_name, fixture) => {
      const messages = await boundaryMessages(fixture);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(fixture.expected);
    },
  );

  it.each(fixtures.filter((f) => f.expected === null).map((f) => [f.name, f] as const))(
    "%s: the lint passes",
    async (_name, fixture) => {
      expect(await boundaryMessages(fixture)).toEqual([]);
    },
  );
});
