import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity, type InvokeResponse } from "botbuilder";
import type { BotDeps } from "./bot-deps";
import type { AdaptiveCard } from "../cards/render-card";
import { errorCard, noticeCard } from "../cards/notice-card";
import type { Turn } from "../domain/conversation";
import type { Routes } from "../domain/handlers";
import { newId } from "../domain/ids";
import { HubError, isFault, toHubError } from "../domain/errors";
import { resolveActor } from "../people/resolve-actor";
import { conversationRefOf, identityOf, tenantOf, tenantsDisagree } from "./activity-actor";
import { auditRefusal } from "./audit-refusal";
import { lookUpConversationName, nameInActivity } from "./conversation-name";

const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
const SEARCH_RESPONSE_TYPE = "application/vnd.microsoft.search.searchResponse";
const ERROR_RESPONSE_TYPE = "application/vnd.microsoft.error";

/** Strips the bot's @mention and the <at> tags Teams leaves in channel messages. */
export function commandText(context: TurnContext): string {
  const activity = context.activity;
  let text = activity.text ?? "";
  if (activity.recipient?.id) text = TurnContext.removeMentionText(activity, activity.recipient.id) ?? text;
  return text.replace(/<at>[^<]*<\/at>/gi, "").trim();
}

/**
 * The Teams bot: turns activities into calls of the features' commands and card verbs, and their cards
 * into replies. The only place besides the adapter and messenger that knows about botbuilder.
 */
export class HubBot<D extends BotDeps> extends ActivityHandler {
  constructor(
    private readonly app: D,
    private readonly routes: Routes<D>,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.rememberConversation(context);
      await this.handleMessage(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const removed = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (removed) await this.forgetConversation(context);
      else await this.rememberConversation(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      const action = String(context.activity.action ?? "");
      if (action.startsWith("remove")) await this.forgetConversation(context);
      else await this.rememberConversation(context);
      await next();
    });
  }

  /**
   * Tenants not on the allow-list, and activities whose two tenant fields disagree, get no reply and
   * cause no write; the attempt is logged.
   */
  override async run(context: TurnContext): Promise<void> {
    if (tenantsDisagree(context.activity)) {
      this.app.logger.warn(
        { event: "tenant.refused", reason: "tenant fields disagree", tenant: tenantOf(context.activity), activityType: context.activity.type },
        "activity whose channelData tenant and conversation tenant differ",
      );
      if (context.activity.type === ActivityTypes.Invoke) await this.sendInvokeResponse(context, { status: 403 });
      return;
    }
    const allowed = this.app.config.allowedTenants;
    if (allowed.length > 0) {
      const tenant = tenantOf(context.activity);
      if (!allowed.includes(tenant)) {
        this.app.logger.warn({ event: "tenant.refused", tenant, activityType: context.activity.type }, "activity from a tenant not on the allow-list");
        if (context.activity.type === ActivityTypes.Invoke) await this.sendInvokeResponse(context, { status: 403 });
        return;
      }
    }
    await super.run(context);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === "application/search") return this.search(context);
    if (context.activity.name !== "adaptiveCard/action") return { status: 501 };
    const action = (context.activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined)?.action;
    const card = await this.runVerb(context, action?.verb, action?.data);
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } };
  }

  /**
   * A typeahead's search (Input.ChoiceSet with Data.Query): Teams sends what was typed and the card's
   * dataset; the answer is at most 15 choices, or an error Teams shows in the list.
   */
  private async search(context: TurnContext): Promise<InvokeResponse> {
    const value = (context.activity.value ?? {}) as { queryText?: unknown; dataset?: unknown; queryOptions?: { skip?: unknown; top?: unknown } };
    const number = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? Math.trunc(n) : 0);
    const query = {
      dataset: typeof value.dataset === "string" ? value.dataset : "",
      text: typeof value.queryText === "string" ? value.queryText : "",
      skip: number(value.queryOptions?.skip),
      top: number(value.queryOptions?.top),
    };
    try {
      const handler = this.routes.searchHandler(query.dataset);
      if (!handler) throw new HubError("invalid-input", "This list is not one the Hub offers.");
      const results = await handler(this.app, await this.turnOf(context), query);
      return { status: 200, body: { type: SEARCH_RESPONSE_TYPE, value: { results } } };
    } catch (error) {
      const e = toHubError(error);
      if (isFault(e)) this.app.logger.error({ err: e.cause ?? e, code: e.code, activityId: context.activity.id }, e.message);
      else this.app.logger.info({ event: "search.refused", code: e.code, activityId: context.activity.id }, e.message);
      const message = isFault(e) ? "The Hub could not search just now. Try again in a minute." : e.message;
      return { status: 200, body: { type: ERROR_RESPONSE_TYPE, value: { code: e.code, message } } };
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as { verb?: unknown } | undefined;
    if (value && typeof value === "object" && !context.activity.text) {
      // Action.Submit fallback, from clients without Action.Execute: same verbs, answered in a new message.
      await this.reply(context, await this.runVerb(context, value.verb, value));
      return;
    }
    const text = commandText(context);
    const match = this.routes.matchCommand(text);
    if (!match) {
      await this.reply(context, noticeCard("I did not understand that", `Type help to see what I can do. You wrote: ${text.slice(0, 200)}`));
      return;
    }
    await this.reply(context, await this.safely(context, async () => match.handler(this.app, await this.turnOf(context), match.args)));
  }

  private async runVerb(context: TurnContext, verb: unknown, data: unknown): Promise<AdaptiveCard> {
    const handler = this.routes.verbHandler(verb);
    if (!handler) return noticeCard("This button is not known", "Type help to see what I can do.", "Warning");
    return this.safely(context, async () => handler(this.app, await this.turnOf(context), data ?? {}));
  }

  private async turnOf(context: TurnContext): Promise<Turn> {
    const actor = await resolveActor(this.app.config, this.app.people, identityOf(context.activity));
    return { actor, conversation: conversationRefOf(context.activity), conversationName: () => lookUpConversationName(context) };
  }

  /** Runs a handler; any failure becomes a card with a reference, and the detail goes to the log only. */
  private async safely(context: TurnContext, work: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
    try {
      return await work();
    } catch (error) {
      const e = toHubError(error);
      if (isFault(e)) {
        const reference = newId();
        this.app.logger.error({ err: e.cause ?? e, code: e.code, reference, activityId: context.activity.id }, e.message);
        return errorCard(e, reference);
      }
      // An ordinary answer to bad input or a missing right: no stack, not an error.
      this.app.logger.info({ event: "turn.refused", code: e.code, activityId: context.activity.id }, e.message);
      if (e.code === "forbidden") await auditRefusal(this.app, this.routes, context.activity, e);
      return errorCard(e, "");
    }
  }

  /** Keeps the conversation's reference fresh for proactive posts; a storage failure here must not stop the turn. */
  private async rememberConversation(context: TurnContext): Promise<void> {
    const ref = conversationRefOf(context.activity);
    if (!ref.conversationId || !ref.serviceUrl) return;
    try {
      await this.app.channels.remember(ref, nameInActivity(context.activity), this.app.now());
    } catch (error) {
      this.app.logger.warn({ err: error, conversation: ref.conversationId }, "could not store the conversation reference");
    }
  }

  private async forgetConversation(context: TurnContext): Promise<void> {
    const ref = conversationRefOf(context.activity);
    try {
      await this.app.channels.forget(ref.tenantId, ref.conversationId);
      this.app.logger.info({ event: "conversation.removed", conversation: ref.conversationId }, "bot removed from a conversation");
    } catch (error) {
      this.app.logger.warn({ err: error }, "could not remove the conversation reference");
    }
  }

  private async reply(context: TurnContext, card: AdaptiveCard): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private async sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
    await context.sendActivity({ type: "invokeResponse", value: response } as Partial<Activity>);
  }
}
