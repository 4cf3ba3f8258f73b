import { z } from 'zod';

/**
 * Compact views of Gong objects: the fields a model needs, each with its output schema
 * (the tools declare them, so results also go out as structuredContent).
 */

const text = z.string().nullable();
const count = z.number().nullable();

/** Call metadata as `/v2/calls` and `metaData` of `/v2/calls/extensive` give it. */
export interface GongCallMeta {
  id: string;
  url?: string;
  title?: string;
  scheduled?: string;
  started?: string;
  duration?: number;
  primaryUserId?: string;
  direction?: string;
  system?: string;
  scope?: string;
  media?: string;
  language?: string;
  workspaceId?: string;
  purpose?: string;
  isPrivate?: boolean;
}

export const callSchema = z.object({
  id: z.string(),
  title: text,
  started: text.describe('When the call was recorded (ISO-8601).'),
  durationSeconds: count,
  direction: text,
  scope: text.describe('Internal, External or Unknown.'),
  system: text.describe('Where it was recorded (Zoom, telephony system …).'),
  language: text,
  primaryUserId: text.describe('Gong user id of the host.'),
  workspaceId: text,
  url: text.describe('The call in the Gong web app.'),
});
export type Call = z.infer<typeof callSchema>;

export function compactCall(call: GongCallMeta): Call {
  return {
    id: call.id,
    title: call.title ?? null,
    started: call.started ?? call.scheduled ?? null,
    durationSeconds: call.duration ?? null,
    direction: call.direction ?? null,
    scope: call.scope ?? null,
    system: call.system ?? null,
    language: call.language ?? null,
    primaryUserId: call.primaryUserId ?? null,
    workspaceId: call.workspaceId ?? null,
    url: call.url ?? null,
  };
}

/** A participant of a call (`parties` of `/v2/calls/extensive`). */
export interface GongParty {
  id?: string;
  emailAddress?: string;
  name?: string;
  title?: string;
  userId?: string;
  speakerId?: string;
  affiliation?: string;
}

export const partySchema = z.object({
  name: text,
  email: text,
  title: text,
  affiliation: text.describe('Internal (the company), External or Unknown.'),
  userId: text.describe('Gong user id when the participant is a Gong user.'),
  speakerId: text.describe('Speaker id in the transcript; null when the participant did not speak.'),
});
export type Party = z.infer<typeof partySchema>;

export function compactParty(party: GongParty): Party {
  return {
    name: party.name ?? null,
    email: party.emailAddress ?? null,
    title: party.title ?? null,
    affiliation: party.affiliation ?? null,
    userId: party.userId ?? null,
    speakerId: party.speakerId ?? null,
  };
}

/** Gong users as `/v2/users` lists them. */
export interface GongUser {
  id: string;
  emailAddress?: string;
  firstName?: string;
  lastName?: string;
  title?: string;
  active?: boolean;
  managerId?: string;
  created?: string;
}

export const userSchema = z.object({
  id: z.string(),
  name: text,
  email: text,
  title: text,
  active: z.boolean().nullable(),
  managerId: text,
});
export type User = z.infer<typeof userSchema>;

export function compactUser(user: GongUser): User {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    id: user.id,
    name: name || null,
    email: user.emailAddress ?? null,
    title: user.title ?? null,
    active: user.active ?? null,
    managerId: user.managerId ?? null,
  };
}

