import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: any;
  at: number;
}

/** What the fake answers a call with: a status (and headers), or "hang" to never answer. */
export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown } | "hang" | "drop";

/**
 * A local stand-in for the Teams Bot Connector: an HTTP server on loopback that records every post and
 * update the bot makes, and can be told to answer 429 with Retry-After, 500, 403, or hang.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: http.Server;
  private nextId = 1;
  private hanging: http.ServerResponse[] = [];
  /** Teams' teams and their channels, for TeamsInfo's team details and channel list (GET v3/teams/{id}[/conversations]). */
  teams: Record<string, { name: string; channels: { id: string; name?: string }[] }> = {};
  /** Decides the answer to a call; return undefined for the normal success answer. */
  answer: (call: ConnectorCall) => FakeAnswer | undefined = () => undefined;

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => this.handle(req, res, raw));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging = [];
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Posts (new messages) that succeeded, optionally to one conversation. */
  posts(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === "POST" && c.path.endsWith("/activities") && (c as any).ok && (!conversationId || c.conversationId === conversationId),
    );
  }

  /** Updates (PUT of an existing activity) that succeeded. */
  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === "PUT" && (c as any).ok && (!conversationId || c.conversationId === conversationId));
  }

  /** The Adaptive Card content of a call. */
  static card(call: ConnectorCall): any {
    return call.body?.attachments?.[0]?.content;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    // v3/conversations[/{id}/activities[/{activityId}]]
    const conversationId = parts[2] ?? "";
    const activityId = parts[4];
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const call: ConnectorCall & { ok?: boolean } = { method: req.method ?? "GET", path: url.pathname, conversationId, activityId, body, at: Date.now() };
    this.calls.push(call);
    const answer = this.answer(call);
    if (answer === "drop") {
      // The connection dies with no answer: the sender cannot know whether the post landed.
      req.socket.destroy();
      return;
    }
    if (answer === "hang") {
      this.hanging.push(res);
      return;
    }
    if (answer) {
      res.writeHead(answer.status, { "content-type": "application/json", ...(answer.headers ?? {}) });
      res.end(JSON.stringify(answer.body ?? { error: { code: "Fake", message: `status ${answer.status}` } }));
      return;
    }
    call.ok = true;
    if (req.method === "GET" && parts[1] === "teams") {
      const team = this.teams[parts[2] ?? ""];
      res.writeHead(team ? 200 : 404, { "content-type": "application/json" });
      if (!team) res.end(JSON.stringify({ error: { code: "NotFound", message: "no such team" } }));
      else res.end(JSON.stringify(parts[3] === "conversations" ? { conversations: team.channels } : { id: parts[2], name: team.name, aadGroupId: "g" }));
      return;
    }
    res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
    if (parts.length === 2) res.end(JSON.stringify({ id: `conv-${this.nextId++}` }));
    else res.end(JSON.stringify({ id: activityId ?? `activity-${this.nextId++}` }));
  }
}
