/**
 * `npm run cli -- <command> [options]`: administration from a terminal.
 * Every command reads DATABASE_PATH (default ./data/app.db) through the validated configuration.
 */
import { parseArgs } from "node:util";
import { ConfigError, getEnv, type Env } from "~/modules/platform/env.server";

const HELP = `Cung Cầu — dòng lệnh quản trị / administration CLI

Cách dùng / usage: npm run cli -- <command> [options]

  user:create --name <tên> (--phone <số> | --email <e-mail>) --password <mật khẩu>
              [--staff-role admin|moderator|reporter --org-unit <mã, vd. QT-VINHLINH>]
              [--producer <mã nhà sản xuất, vd. SX001>]
      Tạo tài khoản (cùng quy tắc với trang đăng ký). Create an account (same rules as sign-up);
      optionally staff of an org unit, or the owner of a producer.

  token:create --user <số điện thoại | e-mail> [--name <tên token>]
      In ra một API token mới (chỉ hiện một lần). Prints a new API token, shown only once.

  db:backup [file]
      Sao lưu trực tuyến, an toàn khi máy chủ đang chạy; không ghi tệp thì vào BACKUP_DIR. Xoá
      các bản cũ hơn BACKUP_RETENTION_DAYS ngày. Online backup, safe while serving; without a
      file it goes to BACKUP_DIR. Deletes backups older than BACKUP_RETENTION_DAYS.

  db:restore <file>
      Khôi phục từ bản sao lưu khi máy chủ ĐÃ DỪNG: kiểm tra tệp, thay CSDL, chạy migration.
      Restore a backup into a STOPPED server: checks the file, swaps it in, migrates.

  import [--producers <tệp.csv|xlsx>] [--products <tệp.csv|xlsx>] [--dry-run]
      Nhập nhà sản xuất và sản phẩm (CSV UTF-8 hoặc XLSX), kiểm tra mọi dòng trước, ghi tất cả
      hoặc không dòng nào. Import producers and products: every row checked, all or nothing.

  search:reindex [--engine fts|meili]
      Lập lại chỉ mục tìm kiếm từ danh mục. Rebuild a search index from the catalog
      (fts: embedded, default; meili: needs MEILI_HOST). Safe while the server runs.

  report:rebuild
      Tính lại số liệu tổng hợp của báo cáo từ các đơn hàng. Recompute the outcome reports'
      sales roll-ups from the orders (the triggers keep them; this repairs them).

  db:migrate     Áp dụng migration. Apply the database migrations.
  db:seed        Nạp dữ liệu mẫu nếu CSDL trống. Seed the demo data when the database is empty.

  --help         Hiện trợ giúp này. Show this help.
`;

/** A mistake of the person typing: printed without a stack trace, exit code 1. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function loadEnv(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function openDb(env: Env, options: { mustExist: boolean }) {
  const { existsSync } = await import("node:fs");
  if (options.mustExist && env.DATABASE_PATH !== ":memory:" && !existsSync(env.DATABASE_PATH)) {
    fail(`Không có cơ sở dữ liệu / no database at ${env.DATABASE_PATH}`);
  }
  const { openDatabase, migrateDatabase } = await import("~db/client.server");
  const db = openDatabase(env.DATABASE_PATH);
  return { db, migrate: () => migrateDatabase(db) };
}

async function userCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      phone: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      "staff-role": { type: "string" },
      "org-unit": { type: "string" },
      producer: { type: "string" },
    },
    strict: true,
  });
  const env = loadEnv();
  const { createUserFromCli } = await import("./cli-users");
  const { db, migrate } = await openDb(env, { mustExist: false });
  migrate();
  const created = await createUserFromCli(db, {
    name: values.name,
    phone: values.phone,
    email: values.email,
    password: values.password,
    staffRole: values["staff-role"],
    orgUnitCode: values["org-unit"],
    producerCode: values.producer,
  });
  if (!created.ok) fail(created.errors.join("\n"));
  console.log(`Đã tạo tài khoản / user created: #${created.userId} ${created.summary}`);
}

async function tokenCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { user: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (!values.user) fail("Thiếu --user <số điện thoại | e-mail> / --user is required");
  const env = loadEnv();
  const { findUserIdByLogin } = await import("./cli-users");
  const { createApiToken } = await import("~/modules/auth/api-tokens.server");
  const { db } = await openDb(env, { mustExist: true });
  const userId = findUserIdByLogin(db, values.user);
  if (userId === null) fail(`Không tìm thấy tài khoản / no user with login ${values.user}`);
  const { id, token } = createApiToken(db, userId, values.name ?? "CLI");
  console.error(`API token #${id} — lưu lại ngay, sẽ không hiện lại / store it now, shown once:`);
  console.log(token);
}

async function dbMigrate(): Promise<void> {
  const env = loadEnv();
  const { db, migrate } = await openDb(env, { mustExist: false });
  migrate();
  const { sql } = await import("drizzle-orm");
  const row = db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
  console.log(`Migrations applied / đã áp dụng: ${row.n} (${env.DATABASE_PATH})`);
}

async function dbSeed(): Promise<void> {
  const env = loadEnv();
  const { seedDemoMarketplace } = await import("~db/seed/demo-marketplace.server");
  const { db, migrate } = await openDb(env, { mustExist: false });
  migrate();
  const result = await seedDemoMarketplace(db, {
    today: new Date(),
    mode: env.APP_MODE,
    log: (message) => console.log(message),
  });
  if (!result.seeded) {
    console.log("CSDL đã có dữ liệu, không làm gì / the database is not empty: nothing done");
    return;
  }
  for (const account of result.demoAccounts) {
    console.log(`  ${account.roleVi}: ${account.phone} / ${account.email} — ${account.password}`);
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  "user:create": userCreate,
  "token:create": tokenCreate,
  "db:backup": async (args) => {
    loadEnv();
    const { dbBackup } = await import("./commands/backup");
    await dbBackup(args);
  },
  "db:restore": async (args) => {
    loadEnv();
    const { dbRestore } = await import("./commands/backup");
    dbRestore(args);
  },
  "db:migrate": dbMigrate,
  "db:seed": dbSeed,
  import: async (args) => {
    loadEnv();
    const { importCommand } = await import("./commands/import");
    await importCommand(args);
  },
  "search:reindex": async (args) => {
    loadEnv(); // a configuration problem is reported as such, before the module loads
    const { searchReindex } = await import("./commands/search-reindex");
    await searchReindex(args);
  },
  "report:rebuild": async (args) => {
    loadEnv();
    const { reportRebuild } = await import("./commands/report-rebuild");
    reportRebuild(args);
  },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP);
    return command === undefined ? 1 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Lệnh không có / unknown command: ${command}\n\n${HELP}`);
    return 1;
  }
  if (rest.includes("--help")) {
    console.log(HELP);
    return 0;
  }
  try {
    await run(rest);
    return 0;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    console.error(`Lỗi / error: ${error.message}`);
    // parseArgs reports bad options with ERR_PARSE_ARGS_* codes: the person's mistake too.
    const code = "code" in error ? String(error.code) : "";
    const isInputError =
      error instanceof UsageError ||
      ["BackupUsageError", "RestoreRefused"].includes(error.constructor.name) ||
      code.startsWith("ERR_PARSE_ARGS");
    if (!isInputError && process.env.DEBUG) console.error(error.stack);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
