import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { campaignFile } from '../adapters/campaigns/campaign-file.ts';
import { argon2PasswordHasher } from '../adapters/crypto/argon2-password-hasher.ts';
import { commonPasswordsList } from '../adapters/crypto/common-passwords-list.ts';
import { blindIndexBitsFor, hmacBlindIndex } from '../adapters/crypto/hmac-blind-index.ts';
import { loadIndexKey } from '../adapters/crypto/index-key-file.ts';
import { nodeHashing } from '../adapters/crypto/node-hashing.ts';
import { otplibTotp } from '../adapters/crypto/otplib-totp.ts';
import { randomSecretTokens } from '../adapters/crypto/random-secret-tokens.ts';
import { sodiumRecordSealing, sodiumStaffKeys } from '../adapters/crypto/sodium-keys.ts';
import type { HabeasDatabase } from '../adapters/db/database.ts';
import { newCaseSealing } from '../adapters/db/new-case-rows.ts';
import { openPostgresDatabase } from '../adapters/db/postgres-database.ts';
import { openSqliteDatabase, sqliteFileName } from '../adapters/db/sqlite-database.ts';
import { kyselyUnitOfWork } from '../adapters/db/unit-of-work.ts';
import { documentRenderer } from '../adapters/documents/document-renderer.ts';
import { petrovichDeclineName } from '../adapters/documents/petrovich-names.ts';
import { templateFiles } from '../adapters/documents/template-files.ts';
import { questionnaireFiles } from '../adapters/intake/questionnaire-files.ts';
import { boardAlertChannel } from '../adapters/live/board-alert-channel.ts';
import { inProcessLiveUpdates } from '../adapters/live/in-process-live-updates.ts';
import { postgresLiveUpdates } from '../adapters/live/postgres-live-updates.ts';
import { smtpAlertChannel } from '../adapters/mail/smtp-alert-channel.ts';
import { disabledStaffMail, smtpStaffMail } from '../adapters/mail/smtp-staff-mail.ts';
import { shippedPlaceFiles } from '../adapters/places/shipped-place-files.ts';
import { cachedRulePacks } from '../adapters/rules/cached-rule-packs.ts';
import { exceljsSpreadsheets } from '../adapters/spreadsheets/exceljs-spreadsheets.ts';
import type { DocumentTools } from '../app/ports/documents.ts';
import type { Ports } from '../app/ports/ports.ts';
import type { RulePacks } from '../app/ports/rule-packs.ts';
import type { Config } from './config/env.ts';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set. */
export function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'HABEAS_DATA_DIR'>,
): HabeasDatabase {
  return config.DATABASE_URL === undefined
    ? openSqliteDatabase(path.join(config.HABEAS_DATA_DIR, sqliteFileName))
    : openPostgresDatabase({ connectionString: config.DATABASE_URL });
}

export function publicUrlOf(config: Pick<Config, 'HABEAS_PUBLIC_URL' | 'PORT'>): string {
  return config.HABEAS_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

/**
 * Live updates reach every instance through PostgreSQL when several share it; the embedded
 * database has one process, and an in-process bus is all it needs.
 */
function configuredLiveUpdates(config: Pick<Config, 'DATABASE_URL'>) {
  return config.DATABASE_URL === undefined
    ? inProcessLiveUpdates()
    : postgresLiveUpdates({ connectionString: config.DATABASE_URL });
}

/** Adapters chosen by configuration rather than fixed. */
export function configuredPorts(config: Config): Partial<Ports> {
  const liveUpdates = configuredLiveUpdates(config);
  const mail = {
    from: config.HABEAS_MAIL_FROM,
    publicUrl: publicUrlOf(config),
  };
  return {
    liveUpdates,
    // Without SMTP, alerts reach the board only: that is said at start.
    alertChannels: [
      ...(config.SMTP_URL === undefined
        ? []
        : [smtpAlertChannel({ smtpUrl: config.SMTP_URL, ...mail })]),
      boardAlertChannel(liveUpdates),
    ],
    blindIndex: hmacBlindIndex({
      key: loadIndexKey({ configured: config.HABEAS_INDEX_KEY, dataDir: config.HABEAS_DATA_DIR }),
      bits: blindIndexBitsFor(config.HABEAS_INDEX_EXPECTED_PERSONS),
    }),
    staffMail:
      config.SMTP_URL === undefined
        ? disabledStaffMail()
        : smtpStaffMail({
            smtpUrl: config.SMTP_URL,
            from: config.HABEAS_MAIL_FROM,
            publicUrl: publicUrlOf(config),
          }),
  };
}

/** One cache for the process: every port set shares the checked packs. */
const sharedRulePacks = cachedRulePacks();
const sharedQuestionnaires = questionnaireFiles();
const sharedCampaigns = campaignFile();
const sharedShippedPlaces = shippedPlaceFiles();
const sharedDocumentTools: DocumentTools = {
  templates: templateFiles(),
  renderer: documentRenderer(),
  declineName: petrovichDeclineName,
};

/** Templates, renderers and name declension: all a document needs when there is no database. */
export function documentTools(): DocumentTools {
  return sharedDocumentTools;
}

/** The rule packs of the process, for commands that need no database. */
export function rulePacks(): RulePacks {
  return sharedRulePacks;
}

/** Wires the adapters into the ports the use cases ask for. */
export function buildPorts(database: HabeasDatabase, overrides: Partial<Ports> = {}): Ports {
  const recordSealing = sodiumRecordSealing();
  const liveUpdates = overrides.liveUpdates ?? inProcessLiveUpdates();
  return {
    liveUpdates,
    alertChannels: [boardAlertChannel(liveUpdates)],
    unitOfWork: kyselyUnitOfWork(database, recordSealing),
    clock: { now: () => new Date() },
    ids: { newId: () => uuidv7() },
    tokens: randomSecretTokens(),
    hashing: nodeHashing(),
    passwordHasher: argon2PasswordHasher(),
    commonPasswords: commonPasswordsList(),
    totp: otplibTotp(),
    staffMail: disabledStaffMail(),
    staffKeys: sodiumStaffKeys(),
    rulePacks: sharedRulePacks,
    questionnaires: sharedQuestionnaires,
    campaigns: sharedCampaigns,
    shippedPlaces: sharedShippedPlaces,
    spreadsheets: exceljsSpreadsheets(),
    documents: sharedDocumentTools,
    newCaseSealing: newCaseSealing(recordSealing),
    // Tests and tools get a random index key; the server takes the configured one.
    blindIndex: hmacBlindIndex({ key: randomBytes(32), bits: blindIndexBitsFor(10_000) }),
    ...overrides,
  };
}
