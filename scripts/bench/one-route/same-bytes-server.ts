/**
 * The ceiling of `npm run bench -- pages` (issue 17): plain node:http answering each path
 * with the very bytes and content type this app sent for it, read from PAGES_FILE (JSON:
 * path → { contentType, bodyBase64 }). Environment: PORT, PAGES_FILE.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

interface StoredAnswer {
  contentType: string;
  bodyBase64: string;
}

const file = process.env.PAGES_FILE;
if (!file) throw new Error("PAGES_FILE must name the pages to send");
const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredAnswer>;
const answers = new Map(
  Object.entries(stored).map(([path, answer]) => [
    path,
    { contentType: answer.contentType, body: Buffer.from(answer.bodyBase64, "base64") },
  ]),
);

const port = Number(process.env.PORT ?? 3000);
createServer((req, res) => {
  const answer = answers.get(req.url ?? "");
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": answer.contentType, "Content-Length": answer.body.length });
  res.end(answer.body);
}).listen(port, "127.0.0.1", () => console.log(`node:http on port ${port}`));
