// Lint settings: the recommended JavaScript and TypeScript rules, plus the project's own habits.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    files: ["src/cli/**", "scripts/**", "bench/**", "seeds/**", "tests/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
