import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

if (process.argv.some((a) => a.endsWith("main.ts"))) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  process.on("exit", () => {
    session.post("Profiler.stop", (err, { profile }) => {
      writeFileSync(`/tmp/prof2/main-${process.pid}.cpuprofile`, JSON.stringify(profile));
    });
  });
}
