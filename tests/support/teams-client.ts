import { randomUUID } from "node:crypto";

/**
 * A stand-in for the Teams client and Bot Connector in integration tests: it posts activities to the
 * service over real HTTP, shaped as Teams sends them.
 */
export interface TestUser {
  id: string;
  name: string;
  tenantId?: string;
}

export const ANN: TestUser = { id: "00000000-0000-4000-8000-00000000a001", name: "Ann Example", tenantId: "11111111-1111-4111-8111-111111111111" };
export const BEN: TestUser = { id: "00000000-0000-4000-8000-00000000b002", name: "Ben Example", tenantId: "11111111-1111-4111-8111-111111111111" };

export function activity(user: TestUser, fields: Record<string, unknown>): Record<string, unknown> {
  const tenant = user.tenantId ?? "11111111-1111-4111-8111-111111111111";
  return {
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: "http://127.0.0.1:1/",
    timestamp: new Date().toISOString(),
    from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.name },
    recipient: { id: "28:bot", name: "Disparities Hub" },
    conversation: { id: `a:personal-${user.id}`, conversationType: "personal", tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    ...fields,
  };
}

export interface HttpAnswer {
  status: number;
  body: any;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep text
  }
  return { status: res.status, body: parsed };
}

/** Sends a message with deliveryMode expectReplies and returns the cards of the replies. */
export async function say(url: string, user: TestUser, text: string): Promise<any[]> {
  const answer = await post(url, activity(user, { type: "message", text, deliveryMode: "expectReplies" }));
  if (answer.status !== 200) throw new Error(`message "${text}" answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const replies = (answer.body?.activities ?? []) as any[];
  return replies.flatMap((a) =>
    (a.attachments ?? []).filter((x: any) => x.contentType === "application/vnd.microsoft.card.adaptive").map((x: any) => x.content),
  );
}

/** Presses an Action.Execute button: an adaptiveCard/action invoke; returns the HTTP answer. */
export function execute(url: string, user: TestUser, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<HttpAnswer> {
  return post(
    url,
    activity(user, {
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data: { verb, ...data } }, trigger: "manual" },
      ...extra,
    }),
  );
}

/** Finds the data of the first Action.Execute with the verb in a card. */
export function actionData(card: any, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const visit = (n: any) => {
    if (found || !n || typeof n !== "object") return;
    if (n.type === "Action.Execute" && n.verb === verb) found = n.data;
    Object.values(n).forEach(visit);
  };
  visit(card);
  if (!found) throw new Error(`no ${verb} button on the card`);
  return found;
}

/**
 * All visible text of a card (TextBlock, TextRun, FactSet), joined, for assertions: as a person reads
 * it, so without the invisible word joiners (U+2060) that keep links and tags from coming alive.
 */
export function cardText(card: any): string {
  const parts: string[] = [];
  const visit = (n: any) => {
    if (!n || typeof n !== "object") return;
    if ((n.type === "TextBlock" || n.type === "TextRun") && typeof n.text === "string") parts.push(n.text);
    if (n.type === "FactSet") for (const f of n.facts ?? []) parts.push(`${f.title}: ${f.value}`);
    Object.values(n).forEach(visit);
  };
  visit(card);
  return parts.join("\n").replace(/\u2060/g, "");
}
