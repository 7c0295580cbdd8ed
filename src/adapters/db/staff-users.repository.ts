import type { Kysely, Selectable } from 'kysely';
import type { StaffUserRepository } from '../../app/ports/repositories.ts';
import { isRole, type Role } from '../../domain/access/roles.ts';
import type { StaffUser, StaffUserStatus } from '../../domain/accounts/staff-user.ts';
import { fromIsoOrNull, toIso, toIsoOrNull } from './columns.ts';
import type { Database, StaffUsersTable } from './database.ts';

function toStaffUser(row: Selectable<StaffUsersTable>, roles: Role[]): StaffUser {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    status: row.status as StaffUserStatus,
    roles,
    passwordHash: row.password_hash,
    totp:
      row.totp_secret === null
        ? null
        : { sealedSecret: row.totp_secret, lastStep: row.totp_last_step },
    failedLoginCount: row.failed_login_count,
    lockedUntil: fromIsoOrNull(row.locked_until),
    keys:
      row.public_key === null || row.locked_private_key === null
        ? null
        : { publicKey: row.public_key, lockedPrivateKey: row.locked_private_key },
  };
}

export function staffUsersRepository(db: Kysely<Database>): StaffUserRepository {
  async function rolesOf(userIds: string[]): Promise<Map<string, Role[]>> {
    const byUser = new Map<string, Role[]>();
    if (userIds.length === 0) return byUser;
    const rows = await db
      .selectFrom('staff_roles')
      .select(['user_id', 'role'])
      .where('user_id', 'in', userIds)
      .orderBy('role')
      .execute();
    for (const row of rows) {
      if (!isRole(row.role)) continue;
      byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.role]);
    }
    return byUser;
  }

  async function withRoles(
    row: Selectable<StaffUsersTable> | undefined,
  ): Promise<StaffUser | null> {
    if (row === undefined) return null;
    return toStaffUser(row, (await rolesOf([row.id])).get(row.id) ?? []);
  }

  async function setRoles(orgId: string, userId: string, roles: Role[]): Promise<void> {
    await db
      .deleteFrom('staff_roles')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
    if (roles.length === 0) return;
    await db
      .insertInto('staff_roles')
      .values(roles.map((role) => ({ org_id: orgId, user_id: userId, role })))
      .execute();
  }

  return {
    async insert(user, now) {
      await db
        .insertInto('staff_users')
        .values({
          id: user.id,
          org_id: user.orgId,
          email: user.email,
          display_name: user.displayName,
          status: user.status,
          password_hash: user.passwordHash,
          totp_secret: user.totp?.sealedSecret ?? null,
          totp_last_step: user.totp?.lastStep ?? null,
          failed_login_count: user.failedLoginCount,
          locked_until: toIsoOrNull(user.lockedUntil),
          public_key: user.keys?.publicKey ?? null,
          locked_private_key: user.keys?.lockedPrivateKey ?? null,
          created_at: toIso(now),
          updated_at: toIso(now),
        })
        .execute();
      await setRoles(user.orgId, user.id, user.roles);
    },

    async findById(orgId, id) {
      const row = await db
        .selectFrom('staff_users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return withRoles(row);
    },

    async findByEmail(email) {
      const row = await db
        .selectFrom('staff_users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return withRoles(row);
    },

    async listByOrganisation(orgId) {
      const rows = await db
        .selectFrom('staff_users')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('email')
        .execute();
      const roles = await rolesOf(rows.map((row) => row.id));
      return rows.map((row) => toStaffUser(row, roles.get(row.id) ?? []));
    },

    async update(user, now) {
      await db
        .updateTable('staff_users')
        .set({
          display_name: user.displayName,
          status: user.status,
          password_hash: user.passwordHash,
          totp_secret: user.totp?.sealedSecret ?? null,
          totp_last_step: user.totp?.lastStep ?? null,
          failed_login_count: user.failedLoginCount,
          locked_until: toIsoOrNull(user.lockedUntil),
          public_key: user.keys?.publicKey ?? null,
          locked_private_key: user.keys?.lockedPrivateKey ?? null,
          updated_at: toIso(now),
        })
        .where('org_id', '=', user.orgId)
        .where('id', '=', user.id)
        .execute();
    },

    setRoles,
  };
}
