import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { filesUnder, readOutsideThisProcess } from "../helpers/data-dir-scan.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

/** Everything entered in the three flows below: none of it may be found in clear under DATA_DIR. */
const ENTERED = {
  idCard: { name: "Probe Idcardholder", email: "probe.idcard@example.com", phone: "13812348000", idNumber: "11010519491231002X" },
  phone: { name: "Probe Phoneholder", email: "probe.phone@example.com", phone: "13912345678" },
  enterprise: {
    name: "Probe Contactperson",
    email: "probe.company@example.com",
    phone: "13712345670",
    company: "北京探针测试科技有限公司",
    uscc: "91350100M000100Y43",
    legalRep: "李探针",
    legalRepId: "11010519491231002X",
  },
  supportQuestion: "Probe question about my missing certificate",
  reviewerNote: "Probe note: the photo of Probe Idcardholder is cut off",
};

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
  const photo = await minimalGoodJpeg();
  const { idCard, phone, enterprise } = ENTERED;

  const alice = harness.chat("alice");
  await alice.press("start");
  await alice.text(idCard.name);
  await alice.text(idCard.email);
  await alice.text(idCard.phone);
  await alice.press("method.id_card");
  await alice.text(idCard.idNumber);
  await alice.file(photo);
  await alice.file(await minimalGoodJpeg(40));
  await alice.press("submit");
  await alice.press("consent.agree");

  const bob = harness.chat("bob");
  await bob.press("start");
  await bob.text(phone.name);
  await bob.text(phone.email);
  await bob.text(phone.phone);
  await bob.press("method.phone");
  await bob.text(harness.lastCode());
  await bob.press("submit");
  await bob.press("consent.agree");

  const carol = harness.chat("carol");
  await carol.press("start");
  await carol.text(enterprise.name);
  await carol.text(enterprise.email);
  await carol.text(enterprise.phone);
  await carol.press("method.enterprise");
  await carol.text(enterprise.company);
  await carol.text(enterprise.uscc);
  await carol.file(await minimalGoodJpeg(80));
  await carol.text(enterprise.legalRep);
  await carol.text(enterprise.legalRepId);
  await carol.file(await minimalGoodJpeg(81));
  await carol.file(await minimalGoodJpeg(82));
  await carol.press("submit");
  await carol.press("consent.agree");

  // A question nobody could answer, handed to a person; a reviewer's rejection with a note naming the applicant.
  const dave = harness.chat("dave");
  await dave.press("support");
  await dave.text(ENTERED.supportQuestion);
  const reference = (await findUserRecord(harness.store, "console", "alice", "2099-12-31"))!.application!.reference;
  const rita = harness.chat("rita");
  await rita.press(`rv.no.${reference}`);
  await rita.press(`rv.no.${reference}.1`);
  await rita.press(`rv.nx.${reference}.1`);
  await rita.text(ENTERED.reviewerNote);
}, 60_000);
afterAll(() => harness.close());

describe("personal data at rest", () => {
  it("the flows really stored something: three applications, documents, a support request, a decision", async () => {
    const count = (sql: string) => (harness.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count("select count(*) as n from applications where status != 'draft'")).toBe(3);
    expect(count("select count(*) as n from support_requests")).toBe(1);
    expect(count("select count(*) as n from applications where status = 'rejected' and note is not null")).toBe(1);
    expect(filesUnder(join(harness.dir, "documents")).length).toBeGreaterThanOrEqual(6);
  });

  it("no name, email, phone, ID number, credit code, company name, question or note in clear in any byte under DATA_DIR", () => {
    const needles = [
      ...Object.values(ENTERED.idCard),
      ...Object.values(ENTERED.phone),
      ...Object.values(ENTERED.enterprise),
      ENTERED.supportQuestion,
      ENTERED.reviewerNote,
    ];
    const files = filesUnder(harness.dir);
    expect(files.some((file) => file.endsWith("assistant.db"))).toBe(true);
    for (const file of files) {
      const bytes = readOutsideThisProcess(file);
      for (const needle of needles) {
        // The phone also as stored (E.164 digits); every needle as UTF-8, as SQLite and JSON keep it.
        for (const form of [needle, needle.replace(/^1/, "+861")]) {
          expect(bytes.includes(Buffer.from(form, "utf8")), `${form} found in ${file}`).toBe(false);
        }
      }
    }
  });

  it("no stored document starts with a JPEG or PNG signature", () => {
    for (const file of filesUnder(join(harness.dir, "documents"))) {
      const head = readFileSync(file).subarray(0, 8);
      expect(head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), file).toBe(false);
      expect(head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), file).toBe(false);
    }
  });

  it("what is sealed still reads back: the applicant's record and the reviewer's note", async () => {
    const record = await findUserRecord(harness.store, "console", "alice", "2099-12-31");
    expect(record?.application?.status).toBe("rejected");
    const reference = record!.application!.reference;
    const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
    expect(application?.draft.name).toBe(ENTERED.idCard.name);
    expect(application?.note).toBe(ENTERED.reviewerNote);
  });
});
