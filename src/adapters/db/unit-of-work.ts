import type { FileSealing, RecordSealing } from '../../app/ports/key-crypto.ts';
import type { Repositories, UnitOfWork } from '../../app/ports/repositories.ts';
import { alertsRepository } from './alerts.repository.ts';
import { auditLogRepository } from './audit-log.repository.ts';
import { caseDocumentsRepository } from './case-documents.repository.ts';
import { caseFilesRepository } from './case-files.repository.ts';
import { casePublicationsRepository } from './case-publications.repository.ts';
import { caseTasksRepository } from './case-tasks.repository.ts';
import { caseTimelineRepository } from './case-timeline.repository.ts';
import type { HabeasDatabase } from './database.ts';
import { enrolmentTokensRepository } from './enrolment-tokens.repository.ts';
import { evidenceRepository } from './evidence.repository.ts';
import { jobsRepository } from './jobs.repository.ts';
import { organisationsRepository } from './organisations.repository.ts';
import { placesRepository } from './places.repository.ts';
import { publicStatsRepository } from './public-stats.repository.ts';
import { recoveryCodesRepository } from './recovery-codes.repository.ts';
import { rosterRepository } from './roster.repository.ts';
import { ruleSettingsRepository } from './rule-settings.repository.ts';
import { staffSessionsRepository } from './staff-sessions.repository.ts';
import { staffTelegramChatsRepository } from './staff-telegram-chats.repository.ts';
import { staffUsersRepository } from './staff-users.repository.ts';
import { telegramConversationsRepository } from './telegram-conversations.repository.ts';

/** Each `run` is one database transaction with its own set of repositories. */
export function kyselyUnitOfWork(
  database: HabeasDatabase,
  sealing: RecordSealing,
  fileSealing: FileSealing,
): UnitOfWork {
  return {
    run(work) {
      return database.db.transaction().execute((transaction) => {
        const repositories: Repositories = {
          organisations: organisationsRepository(transaction),
          staffUsers: staffUsersRepository(transaction),
          staffSessions: staffSessionsRepository(transaction),
          recoveryCodes: recoveryCodesRepository(transaction),
          enrolmentTokens: enrolmentTokensRepository(transaction),
          auditLog: auditLogRepository(transaction, database.dialect),
          caseFiles: caseFilesRepository(transaction, sealing),
          caseTimelines: caseTimelineRepository(transaction, sealing),
          ruleSettings: ruleSettingsRepository(transaction),
          telegramConversations: telegramConversationsRepository(transaction),
          staffTelegramChats: staffTelegramChatsRepository(transaction),
          caseTasks: caseTasksRepository(transaction, sealing),
          caseDocuments: caseDocumentsRepository(transaction, sealing),
          places: placesRepository(transaction),
          roster: rosterRepository(transaction),
          alerts: alertsRepository(transaction),
          jobs: jobsRepository(transaction),
          evidence: evidenceRepository(transaction, sealing, fileSealing),
          casePublications: casePublicationsRepository(transaction),
          publicStats: publicStatsRepository(transaction),
        };
        return work(repositories);
      });
    },
  };
}
