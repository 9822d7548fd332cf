import type { Response } from "restify";
import type { Logger } from "../logging/logger";

/** What the adapter answered, held back until it is checked. */
interface HeldAnswer {
  status: number;
  body: unknown;
}

/** The part of a response botbuilder's CloudAdapter writes to. */
export interface AdapterResponse {
  status(code: number): AdapterResponse;
  header(name: string, value: unknown): AdapterResponse;
  send(body: unknown): AdapterResponse;
  end(): AdapterResponse;
}

const PLAIN: Record<number, { code: string; message: string }> = {
  400: { code: "invalid-input", message: "The request is not an activity this bot can read." },
  401: { code: "unauthenticated", message: "This request is not authenticated: its token is missing or not valid." },
  405: { code: "http-405", message: "This address does not accept that method." },
};
const INTERNAL = { code: "internal", message: "Something went wrong on our side. Nothing was changed; please try again." };

/**
 * Runs the adapter against a stand-in response and only then answers the caller. CloudAdapter writes
 * its error's own text into 401 and 500 answers (token details, storage messages); those are replaced
 * by plain wording here, and the original goes to the log. `refusal`, asked after a successful run,
 * can turn the answer into a 400 with its own plain message.
 */
export async function answerGuarded(
  res: Response,
  logger: Logger,
  run: (held: AdapterResponse) => Promise<void>,
  refusal: () => { code: string; message: string } | undefined = () => undefined,
): Promise<void> {
  const answer: HeldAnswer = { status: 200, body: undefined };
  const held: AdapterResponse = {
    status(code) {
      answer.status = code;
      return held;
    },
    header() {
      return held;
    },
    send(body) {
      answer.body = body;
      return held;
    },
    end() {
      return held;
    },
  };
  try {
    await run(held);
  } catch (error) {
    if ((error as { name?: string })?.name !== "ZodError") throw error;
    answer.status = 400;
    answer.body = undefined;
  }
  const refused = answer.status < 400 ? refusal() : undefined;
  if (refused) {
    res.status(400);
    res.json(refused);
    return;
  }
  if (answer.status < 400) {
    res.status(answer.status);
    if (answer.body !== undefined) res.json(answer.body as object);
    else res.end();
    return;
  }
  const plain = PLAIN[answer.status] ?? (answer.status >= 500 ? INTERNAL : { code: `http-${answer.status}`, message: "The request was refused." });
  if (answer.status === 401) logger.warn({ event: "auth.refused", detail: String(answer.body ?? "").slice(0, 300) }, "request not authenticated");
  else if (answer.status >= 500) logger.error({ event: "turn.failed", detail: String(answer.body ?? "").slice(0, 500) }, "the adapter failed a request");
  res.status(answer.status >= 500 ? 500 : answer.status);
  res.json(plain);
}
