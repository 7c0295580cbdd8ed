import type { Kysely } from 'kysely';

/**
 * The tables as the database stores them: portable types only (text ids, ISO-8601 UTC text
 * timestamps, integer booleans, JSON as text). Rows never leave the repositories.
 */
export type OrganisationsTable = {
  id: string;
  org_id: string;
  name: string;
  created_at: string;
  escrow_public_key: string | null;
  closed_case_retention_days: number | null;
};

export type StaffUsersTable = {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  status: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  failed_login_count: number;
  locked_until: string | null;
  public_key: string | null;
  locked_private_key: string | null;
  created_at: string;
  updated_at: string;
};

export type StaffRolesTable = {
  org_id: string;
  user_id: string;
  role: string;
};

export type StaffSessionsTable = {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  stage: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  pending_totp_secret: string | null;
  wrapped_private_key: string | null;
};

export type RecoveryCodesTable = {
  id: string;
  org_id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
};

export type EnrolmentTokensTable = {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  purpose: string;
  expires_at: string;
  used_at: string | null;
};

export type AuditLogTable = {
  org_id: string;
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

export type CaseFilesTable = {
  id: string;
  org_id: string;
  status: string;
  data_key_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_into: string | null;
};

export type CaseAssignmentsTable = {
  org_id: string;
  case_id: string;
  user_id: string;
  assigned_at: string;
};

export type CaseKeyWrapsTable = {
  org_id: string;
  case_id: string;
  key_id: string;
  recipient_kind: string;
  recipient_id: string;
  recipient_public_key: string;
  sealed_key: string;
  created_at: string;
};

/** Personal columns hold sealed text (`s1.<key id>.<ciphertext>`), never plaintext. */
export type PersonsTable = {
  id: string;
  org_id: string;
  case_id: string;
  full_name: string;
  birth_date: string | null;
  phone: string | null;
  notes: string | null;
  match_index: string | null;
  created_at: string;
};

export type RuleChoicesTable = {
  org_id: string;
  rule_id: string;
  choice: string;
  note: string | null;
  set_by: string;
  set_at: string;
};

export type RuleDisputesTable = {
  id: string;
  org_id: string;
  rule_id: string;
  version_id: string;
  note: string;
  raised_by: string;
  raised_at: string;
};

/** `facts_snapshot` holds sealed text; the rest is operational. */
export type LegalDecisionsTable = {
  id: string;
  org_id: string;
  case_id: string;
  pack_id: string;
  pack_version: number;
  pack_hash: string;
  as_of: string;
  choices: string;
  facts_snapshot: string;
  created_by: string;
  created_at: string;
};

/** `personal_answers` holds sealed text; the rest is operational. */
export type ReportsTable = {
  id: string;
  org_id: string;
  case_id: string;
  channel: string;
  case_code: string;
  follow_up_hash: string;
  questionnaire_id: string;
  questionnaire_version: number;
  operational_answers: string;
  personal_answers: string;
  received_at: string;
};

export type TimelineEventsTable = {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  occurred_at: string;
  place_id: string | null;
  power_of_attorney: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
};

export type DraftMattersTable = {
  id: string;
  org_id: string;
  case_id: string;
  matter: string;
  updated_by: string | null;
  updated_at: string;
};

/**
 * A report being given in a Telegram chat: `chat_key` is a keyed hash of the chat id,
 * `sealed_state` the answers so far, sealed under a key derived from the chat id.
 */
export type StaffTelegramChatsTable = {
  org_id: string;
  user_id: string;
  sealed_chat: string;
  linked_at: string;
};

export type StaffTelegramLinkCodesTable = {
  code_hash: string;
  org_id: string;
  user_id: string;
  expires_at: string;
};

export type TelegramConversationsTable = {
  chat_key: string;
  org_id: string;
  sealed_state: string;
  revision: number;
  updated_at: string;
  expires_at: string;
};

/** `title` holds sealed text; the rest is operational. */
export type CaseTasksTable = {
  id: string;
  org_id: string;
  case_id: string;
  title: string;
  due_at: string;
  assignee_id: string | null;
  status: string;
  done_at: string | null;
  done_by: string | null;
  created_by: string;
  created_at: string;
};

/** Kind, version, hashes and tracking in clear; values and files sealed (files as base64). */
export type CaseDocumentsTable = {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  template_version: number;
  field_values: string;
  docx: string;
  pdf: string;
  docx_sha256: string;
  pdf_sha256: string;
  status: string;
  sent_on: string | null;
  sent_via: string | null;
  received_on: string | null;
  registered_on: string | null;
  extended: number;
  answer_due: string | null;
  answered_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** `sha256`, `file_name`, `file_key` and `review` are sealed with the case's key. */
export type EvidenceItemsTable = {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  timeline_event_id: string | null;
  file_name: string;
  file_key: string;
  review: string | null;
  chunk_count: number;
  added_by: string;
  added_at: string;
};

/** One chunk of an original, sealed under its file key, base64. */
export type EvidenceChunksTable = {
  org_id: string;
  evidence_id: string;
  seq: number;
  sealed: string;
};

/** Operational data in clear; `metro_lines` is a JSON array of text. */
export type PlacesTable = {
  id: string;
  org_id: string;
  kind: string;
  name_ru: string;
  name_en: string;
  address_ru: string | null;
  lat: number | null;
  lon: number | null;
  metro_lines: string;
  verified: number;
  confirmed_by: string | null;
  confirmed_at: string | null;
  source_key: string | null;
  search_text: string;
  sort_name: string;
  created_at: string;
  updated_at: string;
};

export type ShiftsTable = {
  id: string;
  org_id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  region: string | null;
  created_by: string | null;
  created_at: string;
};

export type ResponseSettingsTable = {
  org_id: string;
  escalation_minutes: number;
  updated_by: string | null;
  updated_at: string;
};

export type AlertsTable = {
  id: string;
  org_id: string;
  case_id: string;
  case_code: string;
  place_id: string | null;
  reason: string;
  raised_at: string;
  status: string;
  level: number;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
};

export type AlertPagesTable = {
  id: string;
  org_id: string;
  alert_id: string;
  user_id: string;
  level: number;
  paged_at: string;
  ack_token_hash: string | null;
  ack_token_expires_at: string | null;
};

export type AlertDeliveriesTable = {
  id: string;
  org_id: string;
  alert_id: string;
  page_id: string;
  channel: string;
  status: string;
  attempts: number;
  sent_at: string | null;
};

export type AlertStepsTable = {
  id: string;
  org_id: string;
  alert_id: string;
  case_id: string;
  kind: string;
  at: string;
  user_id: string | null;
  channel: string | null;
  attempt: number | null;
};

/** The job queue: JSON payloads of ids only; `claimed_until` is the lease of a runner. */
export type JobsTable = {
  id: string;
  org_id: string;
  kind: string;
  payload: string;
  idempotency_key: string;
  run_at: string;
  status: string;
  attempts: number;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};

/** Consent to count a case in public statistics; `publishable` is 0 or 1. */
export type CasePublicationsTable = {
  org_id: string;
  case_id: string;
  publishable: number;
  changed_by: string | null;
  changed_at: string;
};

export type Database = {
  organisations: OrganisationsTable;
  staff_users: StaffUsersTable;
  staff_roles: StaffRolesTable;
  staff_sessions: StaffSessionsTable;
  recovery_codes: RecoveryCodesTable;
  enrolment_tokens: EnrolmentTokensTable;
  audit_log: AuditLogTable;
  case_files: CaseFilesTable;
  case_assignments: CaseAssignmentsTable;
  case_key_wraps: CaseKeyWrapsTable;
  persons: PersonsTable;
  rule_choices: RuleChoicesTable;
  rule_disputes: RuleDisputesTable;
  legal_decisions: LegalDecisionsTable;
  reports: ReportsTable;
  timeline_events: TimelineEventsTable;
  draft_matters: DraftMattersTable;
  telegram_conversations: TelegramConversationsTable;
  staff_telegram_chats: StaffTelegramChatsTable;
  staff_telegram_link_codes: StaffTelegramLinkCodesTable;
  case_tasks: CaseTasksTable;
  case_documents: CaseDocumentsTable;
  places: PlacesTable;
  shifts: ShiftsTable;
  response_settings: ResponseSettingsTable;
  alerts: AlertsTable;
  alert_pages: AlertPagesTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_steps: AlertStepsTable;
  jobs: JobsTable;
  evidence_items: EvidenceItemsTable;
  evidence_chunks: EvidenceChunksTable;
  case_publications: CasePublicationsTable;
};

export type DialectName = 'sqlite' | 'postgres';

/** A live connection to either database, and which one it is. */
export type HabeasDatabase = {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
};
