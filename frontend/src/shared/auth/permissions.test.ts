// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Role } from './current-user';
import { can, type Permission } from './permissions';

// Who may do what, as the services decide it (a 403 otherwise): the SPA hides the rest.
const table: [Permission, Role[]][] = [
  ['consultations', ['admin', 'supervisor', 'csw']],
  ['triage', ['admin', 'supervisor', 'csw']],
  ['cases', ['admin', 'supervisor', 'csw', 'sc', 'agency']],
  ['openCase', ['admin', 'supervisor', 'csw']],
  ['scheduleMeeting', ['admin', 'supervisor', 'csw', 'sc']],
  ['manageBodies', ['admin', 'supervisor']],
  ['statistics', ['admin', 'supervisor', 'csw']],
  ['statisticsInMenu', ['admin', 'supervisor']],
  ['supervision', ['admin', 'supervisor']],
  ['admin', ['admin']],
];
const roles: Role[] = ['admin', 'supervisor', 'csw', 'sc', 'agency'];

describe('can', () => {
  it.each(table)('%s is for %j only', (permission, allowed) => {
    for (const role of roles) expect(can(role, permission), `${role} ${permission}`).toBe(allowed.includes(role));
  });

  it('nobody may do anything while the user is unknown', () => {
    expect(can(undefined, 'cases')).toBe(false);
    expect(can(undefined, 'search')).toBe(false);
  });
});
