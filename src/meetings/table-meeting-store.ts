import { odata, type TableClient } from "@azure/data-tables";
import type { ConversationRef } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isSubmissionId } from "../domain/ids";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import { RSVP_ANSWERS, type FollowUpAction, type Meeting, type PostedCopy, type Rsvp, type RsvpAnswer } from "./meeting";
import type { MeetingStore } from "./meeting-store";

/**
 * conversations: PartitionKey `conv` / RowKey meeting id (ULID); `action` / action id; and
 * `posted-<meeting id>` / conversation id for each posted copy of an invitation.
 * rsvps: PartitionKey meeting id / RowKey Entra object id, plus an index `person-<object id>` / meeting id.
 */
const MEETINGS = "conv";
const ACTIONS = "action";
const postedPartition = (meetingId: string) => `posted-${meetingId}`;
const personPartition = (objectId: string) => `person-${safeKey(objectId)}`;

type Entity = Record<string, unknown>;
type Row = { partitionKey: string; rowKey: string; [key: string]: unknown };
const str = (e: Entity, k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");

export class TableMeetingStore implements MeetingStore {
  private readonly meetings: TableClient;
  private readonly answers: TableClient;
  constructor(storage: Storage) {
    this.meetings = storage.tableClient("conversations");
    this.answers = storage.tableClient("rsvps");
  }

  create(meeting: Meeting): Promise<{ created: boolean; meeting: Meeting }> {
    return guardStorage(async () => {
      const entity = meetingEntity(meeting);
      assertEntityFits(entity);
      try {
        const answer = await this.meetings.createEntity(entity);
        return { created: true, meeting: { ...meeting, etag: answer.etag } };
      } catch (error) {
        if (statusCodeOf(error) !== 409) throw error;
        const stored = await this.get(meeting.id);
        if (!stored) throw error;
        return { created: false, meeting: stored };
      }
    });
  }

  get(id: string): Promise<Meeting | undefined> {
    if (!isSubmissionId(id)) return Promise.resolve(undefined);
    return guardStorage(async () => {
      try {
        return meetingFrom(await this.meetings.getEntity<Entity>(MEETINGS, id));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  update(meeting: Meeting): Promise<Meeting> {
    return guardStorage(async () => {
      const entity = meetingEntity(meeting);
      assertEntityFits(entity);
      try {
        const answer = await this.meetings.updateEntity(entity, "Replace", { etag: meeting.etag ?? "*" });
        return { ...meeting, etag: answer.etag };
      } catch (error) {
        if (statusCodeOf(error) === 412 || statusCodeOf(error) === 404) {
          throw new HubError(
            "changed-since-opened",
            "This conversation changed since this card was shown. Type leads to see it as it is now.",
            {},
            { cause: error },
          );
        }
        throw error;
      }
    });
  }

  between(from: string, to: string): Promise<Meeting[]> {
    const whole = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z");
    return this.listMeetings(odata`PartitionKey eq ${MEETINGS} and startsAt ge ${whole(from)} and startsAt lt ${whole(to)}`).then((m) =>
      m.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1)),
    );
  }

  convenedBy(objectId: string): Promise<Meeting[]> {
    return this.listMeetings(odata`PartitionKey eq ${MEETINGS} and convenerId eq ${objectId}`);
  }

  putRsvp(rsvp: Rsvp): Promise<void> {
    return guardStorage(async () => {
      const fields = { meetingId: rsvp.meetingId, objectId: rsvp.objectId, name: rsvp.name, borough: rsvp.borough, answer: rsvp.answer, at: rsvp.at };
      const entity = { partitionKey: rsvp.meetingId, rowKey: safeKey(rsvp.objectId), ...fields };
      assertEntityFits(entity);
      await this.answers.upsertEntity(entity, "Replace");
      await this.answers.upsertEntity({ partitionKey: personPartition(rsvp.objectId), rowKey: rsvp.meetingId, ...fields }, "Replace");
    });
  }

  rsvps(meetingId: string): Promise<Rsvp[]> {
    return this.listRsvps(odata`PartitionKey eq ${meetingId}`);
  }

  rsvpsOf(objectId: string): Promise<Rsvp[]> {
    return this.listRsvps(odata`PartitionKey eq ${personPartition(objectId)}`);
  }

  anonymiseRsvp(rsvp: Rsvp, anonymousId: string): Promise<void> {
    return guardStorage(async () => {
      const fields = { meetingId: rsvp.meetingId, objectId: anonymousId, name: "", borough: rsvp.borough, answer: rsvp.answer, at: rsvp.at };
      await this.answers.upsertEntity({ partitionKey: rsvp.meetingId, rowKey: safeKey(anonymousId), ...fields }, "Replace");
      await ignore404(this.answers.deleteEntity(rsvp.meetingId, safeKey(rsvp.objectId)));
      await ignore404(this.answers.deleteEntity(personPartition(rsvp.objectId), rsvp.meetingId));
    });
  }

  addPosted(meetingId: string, ref: ConversationRef, activityId: string): Promise<void> {
    return guardStorage(async () => {
      const entity = { partitionKey: postedPartition(meetingId), rowKey: safeKey(ref.conversationId), ref: JSON.stringify(ref), activityId };
      assertEntityFits(entity);
      await this.meetings.upsertEntity(entity, "Replace");
    });
  }

  posted(meetingId: string): Promise<PostedCopy[]> {
    return guardStorage(async () => {
      const copies: PostedCopy[] = [];
      for await (const e of this.meetings.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${postedPartition(meetingId)}` } })) {
        try {
          copies.push({ meetingId, ref: JSON.parse(str(e, "ref")) as ConversationRef, activityId: str(e, "activityId") });
        } catch {
          // a damaged row is skipped; the copy simply is not updated
        }
      }
      return copies;
    });
  }

  removePosted(meetingId: string, conversationId: string): Promise<void> {
    return guardStorage(() => ignore404(this.meetings.deleteEntity(postedPartition(meetingId), safeKey(conversationId))));
  }

  addActions(actions: FollowUpAction[]): Promise<void> {
    return guardStorage(async () => {
      for (const a of actions) {
        const entity = actionEntity(a);
        assertEntityFits(entity);
        await this.meetings.upsertEntity(entity, "Replace");
      }
    });
  }

  actionsOf(meetingId: string): Promise<FollowUpAction[]> {
    return this.listActions(odata`PartitionKey eq ${ACTIONS} and meetingId eq ${meetingId}`);
  }

  openActions(): Promise<FollowUpAction[]> {
    return this.listActions(odata`PartitionKey eq ${ACTIONS} and status eq ${"open"}`);
  }

  getAction(id: string): Promise<FollowUpAction | undefined> {
    if (!isSubmissionId(id)) return Promise.resolve(undefined);
    return guardStorage(async () => {
      try {
        return actionFrom(await this.meetings.getEntity<Entity>(ACTIONS, id));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  updateAction(action: FollowUpAction): Promise<FollowUpAction> {
    return guardStorage(async () => {
      try {
        const answer = await this.meetings.updateEntity(actionEntity(action), "Replace", { etag: action.etag ?? "*" });
        return { ...action, etag: answer.etag };
      } catch (error) {
        if (statusCodeOf(error) === 412 || statusCodeOf(error) === 404) {
          throw new HubError("changed-since-opened", "This action changed since this card was shown.", {}, { cause: error });
        }
        throw error;
      }
    });
  }

  private listMeetings(filter: string): Promise<Meeting[]> {
    return guardStorage(async () => {
      const found: Meeting[] = [];
      for await (const e of this.meetings.listEntities<Entity>({ queryOptions: { filter } })) found.push(meetingFrom(e));
      return found;
    });
  }

  private listRsvps(filter: string): Promise<Rsvp[]> {
    return guardStorage(async () => {
      const found: Rsvp[] = [];
      for await (const e of this.answers.listEntities<Entity>({ queryOptions: { filter } })) {
        const answer = str(e, "answer") as RsvpAnswer;
        if (!RSVP_ANSWERS.includes(answer)) continue;
        found.push({
          meetingId: str(e, "meetingId"),
          objectId: str(e, "objectId"),
          name: str(e, "name"),
          borough: str(e, "borough"),
          answer,
          at: str(e, "at"),
        });
      }
      return found;
    });
  }

  private listActions(filter: string): Promise<FollowUpAction[]> {
    return guardStorage(async () => {
      const found: FollowUpAction[] = [];
      for await (const e of this.meetings.listEntities<Entity>({ queryOptions: { filter } })) found.push(actionFrom(e));
      return found.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    });
  }
}

async function ignore404(operation: Promise<unknown>): Promise<void> {
  try {
    await operation;
  } catch (error) {
    if (statusCodeOf(error) !== 404) throw error;
  }
}

function meetingEntity(m: Meeting): Row {
  return {
    partitionKey: MEETINGS,
    rowKey: m.id,
    topic: m.topic,
    theme: m.theme,
    startsAt: m.startsAt,
    format: m.format,
    place: m.place,
    proformas: JSON.stringify(m.proformas),
    proformaNote: m.proformaNote,
    convenerId: m.convenerId,
    convenerTenantId: m.convenerTenantId,
    convenerName: m.convenerName,
    convenerBorough: m.convenerBorough,
    status: m.status,
    outcomes: m.outcomes,
    outcomesRecordedAt: m.outcomesRecordedAt,
    heldShownAt: m.heldShownAt ?? "",
    peerReview: m.peerReview,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

function meetingFrom(e: Entity): Meeting {
  let proformas: Meeting["proformas"] = [];
  try {
    const parsed = JSON.parse(str(e, "proformas") || "[]");
    if (Array.isArray(parsed)) proformas = parsed.filter((p) => p && typeof p.id === "string" && typeof p.title === "string");
  } catch {
    proformas = [];
  }
  return {
    id: str(e, "rowKey"),
    topic: str(e, "topic"),
    theme: str(e, "theme"),
    startsAt: str(e, "startsAt"),
    format: str(e, "format"),
    place: str(e, "place"),
    proformas,
    proformaNote: str(e, "proformaNote"),
    convenerId: str(e, "convenerId"),
    convenerTenantId: str(e, "convenerTenantId"),
    convenerName: str(e, "convenerName"),
    convenerBorough: str(e, "convenerBorough"),
    status: str(e, "status") === "cancelled" ? "cancelled" : "scheduled",
    outcomes: str(e, "outcomes"),
    outcomesRecordedAt: str(e, "outcomesRecordedAt"),
    heldShownAt: str(e, "heldShownAt"),
    peerReview: e.peerReview === true,
    createdAt: str(e, "createdAt"),
    updatedAt: str(e, "updatedAt"),
    etag: str(e, "etag") || undefined,
  };
}

function actionEntity(a: FollowUpAction): Row {
  return {
    partitionKey: ACTIONS,
    rowKey: a.id,
    meetingId: a.meetingId,
    meetingTopic: a.meetingTopic,
    text: a.text,
    ownerBorough: a.ownerBorough,
    due: a.due,
    status: a.status,
    remindedAt: a.remindedAt,
    overdueAt: a.overdueAt,
    createdAt: a.createdAt,
  };
}

function actionFrom(e: Entity): FollowUpAction {
  return {
    id: str(e, "rowKey"),
    meetingId: str(e, "meetingId"),
    meetingTopic: str(e, "meetingTopic"),
    text: str(e, "text"),
    ownerBorough: str(e, "ownerBorough"),
    due: str(e, "due"),
    status: str(e, "status") === "done" ? "done" : "open",
    remindedAt: str(e, "remindedAt"),
    overdueAt: str(e, "overdueAt"),
    createdAt: str(e, "createdAt"),
    etag: str(e, "etag") || undefined,
  };
}
