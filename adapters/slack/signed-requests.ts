import type { RequestHandler } from "../http/web-server.js";

/**
 * Slack signs every request it sends. One without the signature headers is
 * not from Slack: it gets 401 before its body is read, so a stranger cannot
 * make the app read and hash megabytes (Bolt would verify only after reading).
 */
export function signedOnly(handler: RequestHandler): RequestHandler {
  return (request, response) => {
    if (!request.headers["x-slack-signature"] || !request.headers["x-slack-request-timestamp"]) {
      response.writeHead(401, { connection: "close" }).end();
      return;
    }
    return handler(request, response);
  };
}
