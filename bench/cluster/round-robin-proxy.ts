import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The load balancer of `npm run bench:cluster`: each request goes to the next instance in turn, as a
 * round-robin nginx upstream would send Telegram's webhook posts. Keeps connections to the instances
 * open (a real proxy does), so the figures are the instances' and not TCP set-up's.
 */
export async function startRoundRobinProxy(targets: number[]): Promise<{ port: number; close: () => Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const port = targets[next++ % targets.length]!;
    const forwarded = request(
      { host: "127.0.0.1", port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
