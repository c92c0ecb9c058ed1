/**
 * The dependency rules, written once (docs/architecture.md draws them).
 * Layers, each importing only from the ones below it:
 *
 *   src/app        composition roots: main, cli and its commands, assistant wiring
 *   adapters/      console, Telegram, Slack, HTTP      db/   Kysely store (implements src/ports)
 *   src/engine → src/review → src/applications → src/notifications → src/chat, src/documents, src/faq
 *   src/ports      store ports, by role
 *   machines/      XState machines (pure)
 *   src/runtime    config, logger, coded errors
 *   src/domain, src/i18n   pure rules and catalogues
 *
 * Folder cycles cannot form: every rule below forbids an upward edge.
 */
const upward = (name, comment, from, to) => ({ name, comment, severity: "error", from: { path: from }, to: { path: to } });
const APP_LAYERS = "src/(chat|documents|faq|notifications|applications|review|engine)/";

module.exports = {
  forbidden: [
    upward(
      "domain-is-pure",
      "src/domain and src/i18n are pure rules: they import nothing else of the project.",
      "^src/(domain|i18n)/",
      "^(src/(?!domain/|i18n/)|machines/|db/|adapters/)",
    ),
    upward(
      "runtime-below-application",
      "src/runtime (config, logger, errors) imports only domain and i18n.",
      "^src/runtime/",
      "^(src/(?!domain/|i18n/|runtime/)|machines/|db/|adapters/)",
    ),
    upward(
      "machines-import-only-domain",
      "machines/ are pure: they import only src/domain and src/i18n.",
      "^machines/",
      "^(src/(?!domain/|i18n/)|db/|adapters/)",
    ),
    upward(
      "ports-declare-only",
      "src/ports declares what the store does, in domain terms.",
      "^src/ports/",
      "^(src/(?!domain/|i18n/|ports/)|machines/|db/|adapters/)",
    ),
    upward(
      "db-implements-ports",
      "db/ implements src/ports with no business rule of its own: it may import ports, domain types and coded errors only.",
      "^db/",
      "^(src/(?!domain/|i18n/|ports/|runtime/errors)|machines/|adapters/)",
    ),
    upward(
      "application-below-adapters-and-db",
      "The application (src/ outside src/app) never imports adapters, db or the composition roots.",
      "^src/(?!app/)",
      "^(db/|adapters/|src/app/)",
    ),
    upward(
      "adapters-render-only",
      "Adapters talk to the application through its contracts: no store, no machines, no composition roots.",
      "^adapters/",
      "^(db/|machines/|src/app/)",
    ),
    upward(
      "chat-contracts-at-the-bottom",
      "src/chat holds contracts every service uses.",
      "^src/chat/",
      "^src/(documents|faq|notifications|applications|review|engine)/",
    ),
    upward(
      "documents-and-faq-are-leaves",
      "Document checks and FAQ matching use no other service.",
      "^src/(documents|faq)/",
      "^src/(chat|notifications|applications|review|engine)/",
    ),
    upward(
      "notifications-below-review",
      "Notifications know nothing of reviews, applications or the engine.",
      "^src/notifications/",
      "^src/(applications|review|engine)/",
    ),
    upward(
      "applications-below-review",
      "Application use cases do not call the review desk or the engine.",
      "^src/applications/",
      "^src/(review|engine)/",
    ),
    upward("review-below-engine", "The review desk does not call the engine.", "^src/review/", "^src/engine/"),
    {
      name: "sql-only-in-db",
      comment: "No SQL outside db/: Kysely and the drivers are imported there only.",
      severity: "error",
      from: { path: "^(src|machines|adapters)/" },
      to: { path: "node_modules/(kysely|better-sqlite3|pg)/" },
    },
    {
      name: "no-circular",
      comment: "No module imports itself through others.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    exclude: { path: "^(test|bench)/" },
  },
};
// APP_LAYERS is documentation of the service folders' order; the rules above spell it edge by edge.
void APP_LAYERS;
