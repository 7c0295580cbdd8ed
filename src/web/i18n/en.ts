import type { ru } from './ru.ts';

/** English plurals have no "few" or "many" form, so those keys of the Russian source drop out. */
type WithoutSlavicPlurals<T> = {
  [K in keyof T as K extends `${string}_${'few' | 'many'}` ? never : K]: T[K] extends string
    ? string
    : WithoutSlavicPlurals<T[K]>;
};

export type EnglishMessages = WithoutSlavicPlurals<typeof ru>;

export const en: EnglishMessages = {
  app: {
    name: 'Habeas',
    loading: 'Loading…',
  },
  language: {
    label: 'Interface language',
    ru: 'Русский',
    en: 'English',
  },
  errors: {
    network: 'Could not reach the server. Check your connection and try again.',
    unexpected: 'The server gave an unexpected answer. Please try again.',
  },
  login: {
    title: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    forgotPassword: 'Forgot your password?',
    signedOut: 'You have signed out.',
    sessionsRevoked_one: '{{count}} session on your devices was ended.',
    sessionsRevoked_other: '{{count}} sessions on your devices were ended.',
  },
  verify: {
    title: 'Confirm your sign-in',
    codeIntro: 'Enter the six-digit code from your authenticator app.',
    code: 'Code from the app',
    recoveryIntro:
      'Enter one of the recovery codes you saved during setup. Each code works only once.',
    recoveryCode: 'Recovery code',
    useRecoveryCode: 'Use a recovery code',
    useAppCode: 'Use a code from the app',
    submit: 'Confirm',
  },
  enrol: {
    title: 'Set up sign-in codes',
    intro:
      'Scan the QR code with an authenticator app (for example Aegis or FreeOTP) and enter the code it shows.',
    preparing: 'Preparing the QR code…',
    qrAlt: 'QR code that adds your Habeas account to an authenticator app',
    secret: 'If you cannot scan it, type this key into the app:',
    code: 'Code from the app',
    submit: 'Confirm',
  },
  recovery: {
    title: 'Recovery codes',
    issued_one: 'Here is {{count}} recovery code.',
    issued_other: 'Here are your {{count}} recovery codes.',
    warning:
      'Store them offline now: print them or write them down, and keep them away from your phone. We will not show them again. Each code lets you sign in once if you lose your phone.',
    done: 'I have saved them',
  },
  welcome: {
    title: 'Welcome to Habeas',
    intro: 'Choose a password. Next you will set up sign-in codes from an app on your phone.',
    password: 'New password',
    confirmation: 'Repeat the password',
    hint_one: 'At least {{count}} character. A phrase of several words works well.',
    hint_other: 'At least {{count}} characters. A phrase of several words works well.',
    tooShort_one: 'This password is too short: use at least {{count}} character.',
    tooShort_other: 'This password is too short: use at least {{count}} characters.',
    mismatch: 'The passwords do not match.',
    missingToken:
      'This link has no invitation code. Open the link from the e-mail again, or ask an administrator for a new one.',
    submit: 'Save the password and continue',
  },
  reset: {
    title: 'Reset your password',
    intro:
      'Enter the e-mail address you sign in to Habeas with. We will send a link to it where you can choose a new password.',
    email: 'E-mail',
    submit: 'Send the link',
    sent: "If this address belongs to an account, a link to reset the password has been sent to it. The link works for one hour. If the e-mail does not arrive, contact your organisation's administrator.",
    backToLogin: 'Back to sign in',
  },
  home: {
    title: 'Workspace',
    signedInAs: 'You are signed in as {{displayName}} ({{email}})',
    roles: 'Roles',
    organisation: 'Organisation',
    logout: 'Sign out',
    tools: 'Tools',
    legalPosition: 'Legal position on the facts of a case',
    logoutEverywhere: 'Sign out on all devices',
  },
  legal: {
    title: 'Legal position',
    intro:
      'Enter what is known about the case. Sections left unticked are not considered. The result supports a lawyer with sources and confidence; it is not advice in itself.',
    notGiven: 'Not given',
    choose: '— choose —',
    required: 'Please fill in this field.',
    localTime: 'Local time where it happened.',
    person: {
      legend: 'Person',
      region: 'Region',
      birthDate: 'Date of birth',
    },
    regions: {
      moscow: 'Moscow',
      'mari-el': 'Mari El',
      ryazan: 'Ryazan Oblast',
      sakhalin: 'Sakhalin Oblast',
      other: 'Another region',
    },
    commission: {
      municipal: 'Municipal draft commission',
      regional: 'Regional draft commission',
    },
    decision: {
      legend: 'Draft decision',
      toggle: 'There is a draft decision',
      by: 'Which commission made it',
      madeOn: 'Date of the draft decision',
      learnedOn: 'When he learned of it',
    },
    notice: {
      legend: 'Notice',
      toggle: 'There was a notice',
      kind: 'Kind of notice',
      kinds: {
        paper: 'Paper',
        electronic: 'Electronic',
      },
      postedToRegister: 'Date posted to the register of notices',
      delivered: {
        paper: 'Date signed for',
        electronic: 'Date it reached the personal account',
      },
      appearanceDate: 'Appearance date on the notice',
    },
    appeal: {
      legend: 'Appeal',
      toggle: 'The decision was appealed',
      level: 'Where the appeal was filed',
      levels: {
        'regional-commission': 'To the regional draft commission',
        court: 'To a court',
      },
      against: 'Whose decision is appealed',
      filedDate: 'Date the appeal or claim was filed',
      pending: 'Is the appeal still pending?',
      pendingAnswers: {
        yes: 'Yes, still pending',
        no: 'No, already decided',
      },
    },
    detention: {
      legend: 'Detention',
      toggle: 'He was detained',
      at: 'Date and time of detention',
      place: 'Where he was detained',
      places: {
        metro: 'In the metro',
        street: 'In the street',
        home: 'At home',
        workplace: 'At work',
      },
      takenTo: 'Where he was taken',
      takenToPlaces: {
        'conscription-centre': 'To the commissariat or assembly point',
        police: 'To a police station',
      },
    },
    lawyer: {
      legend: 'Lawyer',
      toggle: 'The lawyer was refused access to him',
      refusedEntry: 'Date and time of the refusal',
      powerOfAttorney: "Lawyer's power of attorney",
      powers: {
        notarised: 'Notarised',
        simple: 'Simple written',
        none: 'None',
      },
    },
    asOf: 'Evaluation date',
    asOfHint: 'The day to assess deadlines for. Today by default.',
    submit: 'Evaluate',
    backHome: 'Back to the workspace',
    results: {
      heading: 'Legal position as of {{date}}',
      none: 'The rules found nothing for these facts. Add what else is known about the case.',
      kinds: {
        right: 'Rights',
        ground: 'Grounds for a complaint',
        deadline: 'Deadlines',
        consequence: 'Consequences',
        advice: 'Advice',
      },
      confidence: {
        high: 'high confidence',
        medium: 'medium confidence',
        low: 'low confidence',
      },
      disputed: 'disputed rule',
      selection: {
        default: 'The default wording is applied; other readings are below.',
        chosen: 'The wording chosen by the organisation is applied.',
        'under-review': "The organisation's position is under review: every wording is shown.",
      },
      alternatives_one: 'Other wording ({{count}})',
      alternatives_other: 'Other wordings ({{count}})',
      status: {
        enacted: 'Enacted wording',
        pending: 'Bill',
      },
      from: 'in force from',
      until: 'no longer in force from',
      rule: '{{ruleId}}, version {{versionId}}:',
      opensInNewTab: '(opens in a new tab)',
      replay: 'Calculated with rule pack {{packId}} v{{packVersion}} · as of {{asOf}}',
    },
  },
  roles: {
    admin: 'Administrator',
    coordinator: 'Coordinator',
    lawyer: 'Lawyer',
    operator: 'Hotline operator',
    volunteer: 'Volunteer',
  },
};
