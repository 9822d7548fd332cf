/** An Adaptive Card as plain JSON: what a command or a card button answers with. */
export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard" };
