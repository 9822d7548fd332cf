// Lint settings: the recommended JavaScript and TypeScript rules, plus the project's own habits.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const FS_MODULES = ["fs", "node:fs", "fs/promises", "node:fs/promises"];

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "dist/", ".data/", "manifest/*.png"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Logging goes through the injected logger; only the command-line edges print.
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // The architecture's seams, enforced: the Bot Framework SDK stays behind src/bot/; a feature never
    // reaches for another feature's Table implementation (it receives a store interface instead); and
    // the file system is touched only at the edges that read or write files.
    files: ["src/**"],
    ignores: ["src/bot/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["botbuilder", "botbuilder-*", "botframework-*"], message: "Only src/bot/ talks to the Bot Framework SDK." },
            {
              group: ["../*/table-*", "../../*/table-*", "!../storage/table-*", "!../../storage/table-*"],
              message: "Use the store interface; Table implementations are wired at composition.",
            },
          ],
          paths: FS_MODULES.map((name) => ({
            name,
            message: "The file system is for the command line and the edges that read files (analysis/io, server, storage).",
          })),
        },
      ],
    },
  },
  {
    // Composition happens once, at the top: src/composition.ts builds the stores, src/commands.ts lists
    // the commands and verbs, src/service.ts starts it all. Nothing under a folder of src/ imports them
    // (the command line, which starts the service's own composition, aside): a feature declares what it
    // uses in its own ...-deps.ts, and handler types live in src/domain/handlers.ts.
    files: ["src/*/**"],
    ignores: ["src/cli/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(composition|app-context|commands|service|main)$",
              message: "Features are given what they use: declare it in the feature's own ...-deps.ts; composition imports the feature, never the reverse.",
            },
          ],
        },
      ],
    },
  },
  {
    // Edges that may read or write files (card templates, the charts' font), and where stores are composed.
    files: [
      "src/cli/**",
      "src/analysis/io/**",
      "src/server/**",
      "src/storage/**",
      "src/project-root.ts",
      "src/cards/render-card.ts",
      "src/charts/chart-font.ts",
      "src/composition.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["src/cli/**", "scripts/**", "bench/**", "seeds/**", "tests/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
