import { useTranslation } from 'react-i18next';
import { ApiError, isJapanese, locField, plainMessage, type FieldError } from '@/shared/api/errors';
import { ProblemAlert } from '@/shared/ui/problem-alert';

// The gateway's English rule messages, as the desk reads them.
const RULES: [RegExp, string][] = [
  [/a CSW works in an area/, 'usersAdmin.errors.cswArea'],
  [/an agency member belongs to an agency/, 'usersAdmin.errors.agencyRequired'],
  [/only agency members belong/, 'usersAdmin.errors.agencyOnly'],
  [/no such area/, 'usersAdmin.errors.noArea'],
  [/cannot be empty|Field required|at least 1 character/, 'usersAdmin.errors.required'],
  [/at least 12 characters/, 'usersAdmin.errors.passwordShort'],
  [/should match pattern/, 'usersAdmin.errors.pattern'],
];

const FIELDS: Record<string, string> = {
  username: 'usersAdmin.fields.username',
  display_name: 'usersAdmin.fields.displayName',
  display_kana: 'usersAdmin.fields.displayKana',
  role: 'usersAdmin.fields.role',
  area: 'usersAdmin.fields.area',
  agency_id: 'usersAdmin.fields.agency',
  password: 'usersAdmin.fields.password',
  code: 'areasAdmin.fields.code',
  name: 'areasAdmin.fields.name',
  sort_order: 'areasAdmin.fields.sortOrder',
};

const CONFLICTS: Record<string, string> = {
  '/problems/username-taken': 'usersAdmin.errors.usernameTaken',
  '/problems/area-code-taken': 'areasAdmin.errors.codeTaken',
  '/problems/own-administrator-account': 'usersAdmin.errors.ownAccount',
};

/** The field a 422 names (for marking the input), when the API sent one. */
export function problemFields(error: unknown): Set<string> {
  const fields = new Set<string>();
  if (error instanceof ApiError && Array.isArray(error.problem?.errors)) {
    for (const item of error.problem.errors) {
      const field = locField(item.loc);
      if (field) fields.add(field);
    }
  }
  return fields;
}

/** The admin screens' problems (409 taken / own account, 412 changed meanwhile, 422 rules) inline. */
export function AdminProblem({ error, failed, onReload }: { error: unknown; failed: string; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const type = error instanceof ApiError ? error.problem?.type : undefined;
  const conflict = type ? CONFLICTS[type] : undefined;
  if (conflict) {
    return (
      <div role="alert" className="alert">
        <p>{failed}</p>
        <p>{t(conflict as 'usersAdmin.errors.usernameTaken')}</p>
      </div>
    );
  }
  const describe = (item: FieldError) => {
    const rule = RULES.find(([pattern]) => pattern.test(item.msg));
    if (rule) return t(rule[1] as 'usersAdmin.errors.required');
    const message = plainMessage(item);
    return isJapanese(message) ? message : t('usersAdmin.errors.invalidValue');
  };
  const label = (loc: FieldError['loc']) => {
    const field = locField(loc);
    const key = field ? FIELDS[field] : undefined;
    return key ? t(key as 'usersAdmin.fields.username') : null;
  };
  return (
    <ProblemAlert
      error={error}
      failed={failed}
      onReload={onReload}
      fieldLabel={label}
      describeFieldError={describe}
      messages={{
        stale: t('usersAdmin.errors.stale'),
        reload: t('usersAdmin.errors.reload'),
        failed,
        invalid: t('usersAdmin.errors.invalid'),
        forbidden: t('usersAdmin.errors.forbidden'),
        network: t('usersAdmin.errors.network'),
        separator: '：',
      }}
    />
  );
}
