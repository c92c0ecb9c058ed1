import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { apiFaults } from "./api-faults.js";

/** One Web API call the app made, its parameters decoded (JSON-valued ones such as `blocks` parsed). */
export interface SlackCall {
  method: string;
  args: Record<string, any>;
}

/**
 * Slack's Web API as far as our app uses it, over real HTTP: records calls,
 * answers like Slack (message timestamps, file URLs, upload URLs), serves
 * shared files (or the HTML sign-in page Slack gives a token without access).
 */
export async function startFakeSlackApi() {
  const calls: SlackCall[] = [];
  /** Faults on every Web API call but auth.test (`faults.rate`, `faults.stallMs`). */
  const faults = apiFaults();
  /** The bodies of file uploads (to the upload URLs `files.getUploadURLExternal` hands out), in order. */
  const uploads: Buffer[] = [];
  const failures = new Map<string, string[]>();
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  const locales = new Map<string, string>();
  let socketUrl = "";
  let clock = 1_700_000_000;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = await readBody(request);
    const shared = /^\/files\/(\w+)$/.exec(url.pathname);
    if (shared) {
      const file = files.get(shared[1]!);
      if (!file) return void response.writeHead(404).end();
      // Slack checks the token; the tests check that the app sends it.
      const authorised = request.headers.authorization === "Bearer xoxb-test-token";
      if (!authorised || file.contentType === "text/html")
        return void response.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in</html>");
      return void response.writeHead(200, { "content-type": file.contentType }).end(file.bytes);
    }
    if (url.pathname.startsWith("/upload/")) {
      uploads.push(body);
      return void response.writeHead(200).end("OK - 1");
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = decode(body, request.headers["content-type"] ?? "");
    const fault = method === "auth.test" ? null : await faults.inject(request, args.channel ?? args.user ?? args.users);
    if (fault === "reset") return;
    if (fault === "tooManyRequests") return void response.writeHead(429, { "retry-after": "1" }).end();
    if (fault === "serverError") return void response.writeHead(500).end();
    calls.push({ method, args });
    const failure = failures.get(method)?.shift();
    const answer = failure ? { ok: false, error: failure } : { ok: true, ...result(method, args) };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });

  const ts = () => `${++clock}.000100`;
  function result(method: string, args: Record<string, any>): object {
    switch (method) {
      case "auth.test":
        return { user_id: "UBOT", bot_id: "BBOT", team_id: "T0TEAM", user: "verify" };
      case "chat.postMessage":
        return { channel: args.channel, ts: ts(), message: { text: args.text } };
      case "chat.update":
        return { channel: args.channel, ts: args.ts };
      case "conversations.open":
        return { channel: { id: `D${args.users}` } };
      case "chat.postEphemeral":
        return { message_ts: ts() };
      case "users.info":
        return {
          user: { id: args.user, real_name: `Member ${args.user}`, ...(locales.has(args.user) ? { locale: locales.get(args.user) } : {}) },
        };
      case "files.info": {
        const file = files.get(args.file);
        return { file: { id: args.file, size: file?.bytes.length ?? 0, url_private_download: `${apiRoot}/files/${args.file}` } };
      }
      case "files.getUploadURLExternal":
        return { upload_url: `${apiRoot}/upload/${calls.length}`, file_id: `F${calls.length}` };
      case "files.completeUploadExternal":
        return { files: Array.isArray(args.files) ? args.files : [] };
      case "apps.connections.open":
        return { url: socketUrl };
      case "views.open":
      case "views.publish":
        return { view: { id: `V${calls.length}` } };
      default:
        return {};
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${apiRoot}/api/`,
    calls,
    faults,
    uploads,
    addFile(id: string, bytes: Buffer, contentType = "image/jpeg") {
      files.set(id, { bytes, contentType });
    },
    /** Where `apps.connections.open` sends a Socket Mode client. */
    setSocketUrl(url: string) {
      socketUrl = url;
    },
    /** The next calls of `method` answer `{ ok: false, error }`, in order. */
    failNext(method: string, ...errors: string[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...errors]);
    },
    setLocale(userId: string, locale: string) {
      locales.set(userId, locale);
    },
    callsOf(method: string): SlackCall[] {
      return calls.filter((call) => call.method === method);
    },
    /** Texts of the messages posted to a channel (or a user's DM), in order. */
    postedTo(channel: string): Array<{ text: string; ts?: string; buttons: string[]; blocks: any[] }> {
      return calls
        .filter((call) => call.method === "chat.postMessage" && call.args.channel === channel)
        .map((call) => ({ text: call.args.text, blocks: call.args.blocks ?? [], buttons: buttonValues(call.args.blocks) }));
    },
    clear() {
      calls.length = 0;
      uploads.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;

export function buttonValues(blocks: any[] | undefined): string[] {
  return (blocks ?? [])
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements.map((element: { value: string }) => element.value));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decode(body: Buffer, contentType: string): Record<string, any> {
  if (contentType.includes("application/json")) return body.length ? JSON.parse(body.toString("utf8")) : {};
  if (contentType.includes("multipart/form-data")) return { multipart: true };
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(body.toString("utf8"))) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
