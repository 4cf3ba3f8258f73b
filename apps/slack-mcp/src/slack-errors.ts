import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRequestError } from '@slack/web-api';
import { ToolError, parseRetryAfter, toolErrorFromStatus, type ToolErrorKind } from '@sophia/mcp-base';

/**
 * The WebClient's errors → ToolError, once for every tool. Slack answers almost every failure
 * with HTTP 200 and `{ ok: false, error: "<code>" }` (a WebAPIPlatformError): the code decides
 * the kind. Real HTTP failures (5xx after the SDK's retries) and network failures come apart.
 */
export function slackErrorToToolError(error: unknown): ToolError | undefined {
  if (error instanceof WebAPIPlatformError) return fromPlatformError(error);
  if (error instanceof WebAPIHTTPError) {
    return toolErrorFromStatus({
      service: 'Slack',
      status: error.statusCode,
      message: error.statusMessage,
      retryAfterSeconds: parseRetryAfter(error.headers['retry-after']),
    });
  }
  if (error instanceof WebAPIRequestError) {
    return new ToolError('upstream_error', `could not reach Slack: ${error.original.message}`, { cause: error });
  }
  return undefined;
}

type PlatformAnswer = WebAPIPlatformError['data'] & { needed?: string; provided?: string };

function fromPlatformError(error: WebAPIPlatformError): ToolError {
  const data: PlatformAnswer = error.data;
  const code = data.error;
  const known = ERROR_CODES[code];
  const kind = known?.[0] ?? 'upstream_error';
  let message = `Slack answered ${code}${known?.[1] ? `: ${known[1]}` : ''}`;
  // invalid_arguments and friends say which argument in response_metadata.messages.
  const details = (data.response_metadata?.messages ?? []).map((line) => line.replace(/^\[(ERROR|WARN)\]\s*/, ''));
  if (details.length) message += ` (${details.join('; ')})`;
  if (code === 'missing_scope' && data.needed) {
    message += `. The token needs the ${data.needed} scope (it has: ${data.provided || 'none'}); add it to the Slack app and reinstall it`;
  }
  return new ToolError(kind, `${message}.`, {
    cause: error,
    retryAfterSeconds: kind === 'rate_limited' ? data.response_metadata?.retryAfter : undefined,
  });
}

/**
 * Slack's error codes (from the methods' documented error lists) and what they mean for the
 * caller. Codes not listed are upstream_error, named as Slack sent them.
 */
const ERROR_CODES: Record<string, [ToolErrorKind, string?]> = {
  // Nothing there (or not visible to this token).
  channel_not_found: ['not_found', 'no such channel, or the token cannot see it (use list_channels for ids)'],
  thread_not_found: ['not_found', 'no thread starts at that ts in this channel'],
  message_not_found: ['not_found', 'no message with that ts in this channel'],
  user_not_found: ['not_found', 'no such user'],
  users_not_found: ['not_found', 'no user with that email'],
  team_not_found: ['not_found'],
  // Credentials.
  not_authed: ['unauthorized', 'no token was sent. Check SLACK_TOKEN'],
  invalid_auth: ['unauthorized', 'the token is not valid. Check SLACK_TOKEN'],
  account_inactive: ['unauthorized', 'the token belongs to a deactivated user or workspace. Check SLACK_TOKEN'],
  token_revoked: ['unauthorized', 'the token was revoked. Check SLACK_TOKEN'],
  token_expired: ['unauthorized', 'the token expired. Check SLACK_TOKEN'],
  // Permissions.
  missing_scope: ['forbidden', 'the token lacks a scope this method needs'],
  not_allowed_token_type: ['forbidden', 'this method does not accept this kind of token (search needs a user token, xoxp-)'],
  no_permission: ['forbidden', 'the token may not do this'],
  access_denied: ['forbidden'],
  not_in_channel: ['forbidden', 'the app is not a member of this channel; invite it with /invite @app-name'],
  is_archived: ['forbidden', 'the channel is archived'],
  cant_update_message: ['forbidden', 'only the token’s own messages can be edited (a bot token: the bot’s messages)'],
  cant_delete_message: ['forbidden', 'only the token’s own messages can be deleted (a bot token: the bot’s messages)'],
  edit_window_closed: ['forbidden', 'the workspace no longer allows editing this message'],
  compliance_exports_prevent_deletion: ['forbidden', 'compliance exports on this workspace prevent deleting messages'],
  restricted_action: ['forbidden', 'a workspace preference prevents this'],
  restricted_action_read_only_channel: ['forbidden', 'the channel is read-only'],
  restricted_action_thread_only_channel: ['forbidden', 'the channel only allows thread replies'],
  restricted_action_non_threadable_channel: ['forbidden', 'the channel does not allow thread replies'],
  ekm_access_denied: ['forbidden', 'administrators have suspended posting'],
  team_access_not_granted: ['forbidden', 'the token has no access to that workspace'],
  // Rate limits.
  ratelimited: ['rate_limited', 'too many requests'],
  rate_limited: ['rate_limited', 'too many requests'],
  message_limit_exceeded: ['rate_limited', 'the workspace reached its message limit'],
  // Bad arguments.
  invalid_arguments: ['invalid_input', 'Slack rejected the arguments'],
  invalid_cursor: ['invalid_input', 'cursor is not valid: pass the nextCursor from a previous result unchanged'],
  invalid_limit: ['invalid_input'],
  invalid_ts_latest: ['invalid_input', 'latest is not a valid time'],
  invalid_ts_oldest: ['invalid_input', 'oldest is not a valid time'],
  invalid_name: ['invalid_input', 'not a known emoji name'],
  bad_timestamp: ['invalid_input', 'no message has that ts'],
  invalid_time: ['invalid_input', 'postAt is not a valid time'],
  time_in_past: ['invalid_input', 'postAt is in the past'],
  time_too_far: ['invalid_input', 'postAt is more than 120 days ahead'],
  msg_too_long: ['invalid_input', 'the text is too long'],
  no_text: ['invalid_input', 'the text is empty'],
  invalid_blocks: ['invalid_input'],
  no_query: ['invalid_input', 'the query is empty'],
  // State.
  already_reacted: ['conflict', 'that reaction is already on the message'],
  too_many_reactions: ['conflict', 'the message has the most reactions Slack allows'],
  // Slack's side.
  fatal_error: ['upstream_error', 'Slack failed; part of the operation may have happened'],
  internal_error: ['upstream_error', 'Slack failed; part of the operation may have happened'],
  service_unavailable: ['upstream_error', 'Slack is unavailable'],
  request_timeout: ['timeout', 'Slack timed out'],
};
