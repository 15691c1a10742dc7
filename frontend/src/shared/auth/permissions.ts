import type { Role } from './current-user';

// What each role may do, mirroring the services' authorization helpers (intake-api, case-api,
// meeting-api and gateway `access.py` / `require_roles`). The services decide; the SPA only
// leaves out the menus and buttons that would end in a 403.
const RULES = {
  /** 相談受付: record, list and read consultations (intake-api RECORDING_ROLES). */
  consultations: ['admin', 'supervisor', 'csw'],
  /** 振り分け (intake-api ensure_may_triage). */
  triage: ['admin', 'supervisor', 'csw'],
  /** Cases: everyone signed in sees the cases open to them (an agency those shared with it). */
  cases: ['admin', 'supervisor', 'csw', 'sc', 'agency'],
  /** Open a case (case-api OPENING_ROLES). */
  openCase: ['admin', 'supervisor', 'csw'],
  /** Add records, plans and safety checks to a visible case (case-api WRITING_ROLES). */
  writeCase: ['admin', 'supervisor', 'csw'],
  /** 関係機関 directory (case-api AGENCY_READER_ROLES). */
  agencies: ['admin', 'supervisor', 'csw', 'sc', 'agency'],
  /** 地域づくり活動 (case-api ACTIVITY_ROLES). */
  activities: ['admin', 'supervisor', 'csw'],
  /** Meetings: everyone sees those open to them (an agency member those it takes part in). */
  meetings: ['admin', 'supervisor', 'csw', 'sc', 'agency'],
  /** Schedule a meeting (meeting-api SCHEDULING_ROLES). */
  scheduleMeeting: ['admin', 'supervisor', 'csw', 'sc'],
  /** Set up and run meeting bodies (meeting-api BODY_MANAGERS). */
  manageBodies: ['admin', 'supervisor'],
  /** 安否確認 and plan actions across cases (case-api SAFETY_CHECK_ROLES). */
  safetyChecks: ['admin', 'supervisor', 'csw'],
  /** 月次統計: supervisors every area, a CSW their own (statistics_area), so a CSW may open it. */
  statistics: ['admin', 'supervisor', 'csw'],
  /** …but only supervisors have it in the menu (a decision test_statistics.py holds the SPA to). */
  statisticsInMenu: ['admin', 'supervisor'],
  /** The supervisors' attention view and dead letters. */
  supervision: ['admin', 'supervisor'],
  /** The header's search box: persons, cases and consultations (gateway /api/v1/search, all staff). */
  search: ['admin', 'supervisor', 'csw', 'sc', 'agency'],
  /** Sessions, audit chain, users and areas. */
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof RULES;

/** Whether `role` may use `permission` (false while the user is unknown). */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (RULES[permission] as readonly Role[]).includes(role);
}
