import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openMigratedDatabase, type Db } from "~db/client.server";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import { apiTokens, orgUnits, staffMemberships, users } from "~db/schema";
import { projectRoot, tempDir } from "../helpers/server";

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/cli.ts` the way `npm run cli --` does, against the test's database. */
function cli(databasePath: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        DATABASE_PATH: databasePath,
        // db:seed makes the demo pictures: beside the test's database, never in ./data.
        UPLOADS_DIR: join(dirname(databasePath), "uploads"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => resolveRun({ code, stdout, stderr }));
  });
}

// Each run starts Node with tsx: a few seconds on a busy machine.
describe("npm run cli", { timeout: 120_000 }, () => {
  const dir = tempDir();
  const databasePath = join(dir, "app.db");
  let db: Db;

  beforeAll(() => {
    db = openMigratedDatabase(databasePath);
    // A small org tree for --org-unit.
    const { id } = db
      .insert(orgUnits)
      .values({ code: "QT", name: "Hội LHPN tỉnh Quảng Trị", level: "province", path: "/0/" })
      .returning({ id: orgUnits.id })
      .get();
    db.update(orgUnits)
      .set({ path: `/${id}/` })
      .where(eq(orgUnits.id, id))
      .run();
  });
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints help", async () => {
    const run = await cli(databasePath, "--help");
    expect(run.code).toBe(0);
    for (const command of ["user:create", "token:create", "db:backup", "db:migrate", "db:seed"]) {
      expect(run.stdout).toContain(command);
    }
  });

  it("user:create creates a staff account with a +84 phone", async () => {
    const run = await cli(
      databasePath,
      "user:create",
      "--name",
      "Nguyễn Thị Cán Bộ",
      "--phone",
      "0912345678",
      "--password",
      "Cung-Cau-Staff-2026",
      "--staff-role",
      "reporter",
      "--org-unit",
      "QT",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const user = db.select().from(users).where(eq(users.phone, "+84912345678")).get();
    expect(user?.displayName).toBe("Nguyễn Thị Cán Bộ");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const membership = db
      .select()
      .from(staffMemberships)
      .where(and(eq(staffMemberships.userId, user?.id ?? 0), eq(staffMemberships.role, "reporter")))
      .get();
    expect(membership).toBeDefined();
  });

  it("user:create refuses bad input and creates nothing", async () => {
    const before = db.select().from(users).all().length;
    const badPhone = await cli(
      databasePath,
      "user:create",
      "--name",
      "Lan",
      "--phone",
      "12345",
      "--password",
      "Cung-Cau-Staff-2026",
    );
    expect(badPhone.code).not.toBe(0);
    expect(badPhone.stderr).toContain("--phone");
    const shortPassword = await cli(
      databasePath,
      "user:create",
      "--name",
      "Lan",
      "--email",
      "lan@example.vn",
      "--password",
      "short",
    );
    expect(shortPassword.code).not.toBe(0);
    expect(shortPassword.stderr).toContain("--password");
    const commonPassword = await cli(
      databasePath,
      "user:create",
      "--name",
      "Lan",
      "--email",
      "lan@example.vn",
      "--password",
      "password123",
    );
    expect(commonPassword.code).not.toBe(0);
    expect(commonPassword.stderr).toContain("--password");
    const duplicate = await cli(
      databasePath,
      "user:create",
      "--name",
      "Lan",
      "--phone",
      "+84912345678",
      "--password",
      "Cung-Cau-Staff-2026",
    );
    expect(duplicate.code).not.toBe(0);
    const unknownOption = await cli(databasePath, "user:create", "--nmae", "Lan");
    expect(unknownOption.code).not.toBe(0);
    const unknownCommand = await cli(databasePath, "user:delete");
    expect(unknownCommand.code).not.toBe(0);
    expect(db.select().from(users).all().length).toBe(before);
  });

  it("token:create prints a token once; only its SHA-256 is stored and it authenticates", async () => {
    await cli(
      databasePath,
      "user:create",
      "--name",
      "Chị Hoa",
      "--email",
      "Hoa@Example.vn",
      "--password",
      "Hoa-Mua-Hang-2026",
    );
    const run = await cli(
      databasePath,
      "token:create",
      "--user",
      "hoa@example.vn",
      "--name",
      "Excel",
    );
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    const stored = db.select().from(apiTokens).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored[0]?.name).toBe("Excel");
    expect(JSON.stringify(stored)).not.toContain(token);
    const user = db.select().from(users).where(eq(users.email, "hoa@example.vn")).get();
    expect(authenticateApiToken(db, `Bearer ${token}`)).toEqual({
      tokenId: stored[0]?.id,
      userId: user?.id,
    });
    expect(db.select().from(apiTokens).get()?.lastUsedAt).toBeInstanceOf(Date);
    expect(authenticateApiToken(db, `Bearer ${token.slice(0, -1)}x`)).toBeNull();
    expect(authenticateApiToken(db, "Bearer nope")).toBeNull();
    db.update(apiTokens).set({ revokedAt: new Date() }).run();
    expect(authenticateApiToken(db, token)).toBeNull();

    const unknown = await cli(databasePath, "token:create", "--user", "0999999999");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).toBe("");
  });

  it("db:backup copies the database while another connection keeps writing", async () => {
    // Enough data for the copy to take several steps.
    const body = "x".repeat(2000);
    const insert = db.$client.prepare(
      "insert into outbound_messages (channel, recipient, subject, body) values ('email', ?, '', ?)",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`r${i}@example.vn`, body);
    })();

    const writer = openDatabase(databasePath);
    const write = writer.$client.prepare(
      "insert into outbound_messages (channel, recipient, subject, body) values ('sms', '+84900000000', '', 'đang ghi')",
    );
    let writes = 0;
    const timer = setInterval(() => {
      write.run();
      writes++;
    }, 2);
    const backupPath = join(dir, "backup.db");
    const run = await cli(databasePath, "db:backup", backupPath);
    clearInterval(timer);
    writer.$client.close();
    expect(run.stderr).toMatch(/\d+%/);
    expect(run.code).toBe(0);
    expect(writes).toBeGreaterThan(0);

    const copy = new Database(backupPath, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = copy
      .prepare("select count(*) as n from outbound_messages where channel = 'email'")
      .get();
    expect(copied).toEqual({ n: 5000 });
    copy.close();

    const again = await cli(databasePath, "db:backup", backupPath);
    expect(again.code).not.toBe(0); // never overwrites
    const missing = await cli(join(dir, "nope.db"), "db:backup", join(dir, "b2.db"));
    expect(missing.code).not.toBe(0);
  });

  it("db:migrate and db:seed work on a new database", async () => {
    const other = join(dir, "other.db");
    const migrate = await cli(other, "db:migrate");
    expect(migrate.stderr).toBe("");
    expect(migrate.code).toBe(0);
    const seed = await cli(other, "db:seed");
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain("220 listings");
    const again = await cli(other, "db:seed");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing done");
  });
});
