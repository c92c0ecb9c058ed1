import { type AddressInfo, createServer } from "node:net";

/** A TCP port free right now, for servers that can't be told to listen on port 0 and report back. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
