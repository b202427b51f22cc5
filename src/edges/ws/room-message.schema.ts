import { z } from 'zod';
import { reactions } from '../../domain/room/flood-limit.ts';
import { NAME_MAX } from '../../domain/room/room-state.ts';
import type { ClientMessage } from '../../services/room/room-messages.ts';

/** What a client may send, as docs/rooms-protocol.md describes it; anything else is refused. */
const participantId = z
  .string()
  .regex(/^p\d{1,9}$/, 'participantId: give a participant’s id, as the state lists it');
const on = z.boolean({ error: 'on: must be true or false' });
const token = z.string().min(16).max(100);

const byParticipant = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), participantId });
const plain = <T extends string>(type: T) => z.object({ type: z.literal(type) });

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('join'),
    name: z.string({ error: 'name: give a first name or a nickname' }).max(NAME_MAX * 4),
    passcode: z.string().max(200).optional(),
    hostKey: token.optional(),
    resumeToken: token.optional(),
  }),
  z.object({
    type: z.literal('chat'),
    // Longer texts are refused by the room with a message saying how long they may be.
    text: z.string({ error: 'text: say something' }).max(100_000),
    to: participantId.optional(),
    side: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('react'),
    reaction: z.enum(reactions, { error: `reaction: one of ${reactions.join(', ')}` }),
  }),
  plain('raise_hand'),
  plain('lower_hand'),
  plain('pass'),
  plain('leave'),
  byParticipant('admit'),
  byParticipant('deny'),
  byParticipant('remove'),
  byParticipant('block'),
  byParticipant('mute'),
  byParticipant('unmute'),
  byParticipant('make_cohost'),
  byParticipant('remove_cohost'),
  byParticipant('move_up'),
  plain('call_next'),
  plain('end_share'),
  plain('skip'),
  plain('next_step'),
  plain('previous_step'),
  plain('lock'),
  plain('unlock'),
  z.object({ type: z.literal('waiting_room'), on }),
  z.object({ type: z.literal('private_messages'), on }),
  z.object({ type: z.literal('round_mode'), on }),
  plain('end_meeting'),
]);

/** Every message the schema accepts is one the room service takes. */
export type ParsedClientMessage = z.infer<typeof clientMessageSchema>;
const _accepted = (m: ParsedClientMessage): ClientMessage => m;
void _accepted;

export const clientMessageTypes = clientMessageSchema.options.map((o) => o.shape.type.value);

/** A client's message, or what is wrong with it (never echoing what they wrote). */
export function parseClientMessage(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'Messages are JSON objects with a "type".' };
  }
  const parsed = clientMessageSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.path[0] === 'type' || issue?.code === 'invalid_union') {
    return { ok: false, problem: `"type" must be one of ${clientMessageTypes.join(', ')}.` };
  }
  if (!issue) return { ok: false, problem: 'That message is not one the room understands.' };
  const field = issue.path.join('.');
  return {
    ok: false,
    problem:
      issue.message.startsWith(`${field}:`) || !field
        ? issue.message
        : `${field}: ${issue.message}`,
  };
}
