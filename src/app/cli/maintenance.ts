import { maintenanceInForce } from "../../applications/maintenance.js";
import { type CliCommand, expectArgs, print, printError, UsageError, withStore } from "./cli-command.js";

/** `maintenance on --until <ISO> [--zh …] [--en …]`, `maintenance off`, `maintenance status`. */
export const maintenance: CliCommand = ({ rest, until, zh, en }) => {
  expectArgs(rest, 1);
  const action = rest[0]!;
  if (!["on", "off", "status"].includes(action)) throw new UsageError('maintenance takes "on", "off" or "status"');
  const note = { ...(zh ? { zh } : {}), ...(en ? { en } : {}) };
  return withStore(async (store) => {
    const operator = store.operator();
    if (action === "off") {
      await operator.setMaintenance(null);
      print("maintenance off: held submissions go through at the running assistant's next tick (within a minute)");
      return 0;
    }
    if (action === "status") {
      const current = await maintenanceInForce(operator, new Date());
      print(current ? `maintenance on until ${current.until}` : "maintenance off");
      return 0;
    }
    const end = until ? new Date(until) : null;
    if (!end || Number.isNaN(end.getTime()) || end <= new Date()) {
      printError('maintenance on needs --until <ISO time in the future>, e.g. --until "2026-11-25T02:00:00Z"');
      throw new UsageError("maintenance on needs --until with a future ISO time");
    }
    await operator.setMaintenance({ until: end.toISOString(), note });
    print(`maintenance on until ${end.toISOString()}: new submissions are held and go through when it ends`);
    return 0;
  });
};
