/**
 * A buyer placing orders through the orders module, one after another, on a database file:
 * the concurrent writer of tests/integration/backup.test.ts, run in its own process
 * (`node --import tsx tests/integration/backup-writer.ts <db> <buyerUserId> <sku>`). Prints
 * `ACK <order code>` once each order is committed; stops when its stdin closes.
 */
import { openDatabase } from "~db/client.server";
import { placeOrder } from "~/modules/orders/place-order.server";

const [databasePath, buyer, sku] = process.argv.slice(2);
if (!databasePath || !buyer || !sku) throw new Error("usage: backup-writer <db> <buyer> <sku>");
const db = openDatabase(databasePath);
let stopped = false;
process.stdin.on("data", () => undefined);
process.stdin.on("end", () => (stopped = true));
process.stdin.resume();

let n = 0;
while (!stopped) {
  n += 1;
  const placed = placeOrder(db, {
    buyerUserId: Number(buyer),
    items: [{ sku, qty: 1 }],
    shipping: {
      name: "Người Mua",
      phone: "0900000201",
      province: "Quảng Trị",
      commune: "phường Đông Hà",
      address: "12 Lê Duẩn, khu phố 3",
    },
    delivery: {},
    paymentMethod: "cod",
    idempotency: { scope: "backup-writer", key: `w-${process.pid}-${n}` },
  });
  process.stdout.write(`ACK ${placed.orders[0]!.code}\n`);
  await new Promise((resolveTick) => setImmediate(resolveTick));
}
db.$client.close();
