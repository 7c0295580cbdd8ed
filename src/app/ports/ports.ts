import type { AlertChannel } from './alert-channel.ts';
import type { BlindIndex } from './blind-index.ts';
import type { Campaigns } from './campaigns.ts';
import type { Clock } from './clock.ts';
import type { CommonPasswords } from './common-passwords.ts';
import type { DocumentTools } from './documents.ts';
import type { Hashing } from './hashing.ts';
import type { IdGenerator } from './id-generator.ts';
import type { StaffKeys } from './key-crypto.ts';
import type { LiveUpdates } from './live-updates.ts';
import type { PasswordHasher } from './password-hasher.ts';
import type { Questionnaires } from './questionnaires.ts';
import type { NewCaseSealing, UnitOfWork } from './repositories.ts';
import type { RulePacks } from './rule-packs.ts';
import type { SecretTokens } from './secret-tokens.ts';
import type { ShippedPlaces } from './shipped-places.ts';
import type { Spreadsheets } from './spreadsheets.ts';
import type { StaffMail } from './staff-mail.ts';
import type { Totp } from './totp.ts';

/** Every port a use case may ask for; each use case picks the few it needs. */
export type Ports = {
  unitOfWork: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  tokens: SecretTokens;
  hashing: Hashing;
  passwordHasher: PasswordHasher;
  commonPasswords: CommonPasswords;
  totp: Totp;
  staffMail: StaffMail;
  staffKeys: StaffKeys;
  blindIndex: BlindIndex;
  rulePacks: RulePacks;
  questionnaires: Questionnaires;
  campaigns: Campaigns;
  shippedPlaces: ShippedPlaces;
  /** Every channel an alert goes out on; each page is delivered on each of them. */
  alertChannels: readonly AlertChannel[];
  liveUpdates: LiveUpdates;
  spreadsheets: Spreadsheets;
  documents: DocumentTools;
  newCaseSealing: NewCaseSealing;
};
