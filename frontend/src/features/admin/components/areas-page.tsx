import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Area, useAreas } from '@/shared/users/areas';
import { useCreateArea, useUpdateArea } from '../api/areas';
import { AdminProblem, problemFields } from './user-problems';

/** 圏域: the administrator lists the municipality's daily-life areas, adds one, renames and reorders. */
export function AreasPage() {
  const { t } = useTranslation();
  const id = useId();
  const areas = useAreas();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = [...(areas.data ?? [])].sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));

  return (
    <div className="admin-areas">
      <h1>{t('areasAdmin.title')}</h1>
      <p className="muted">{t('areasAdmin.help')}</p>
      <p role="status" className="admin-users-notice">
        {notice}
      </p>
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('areasAdmin.listTitle')}</h2>
        {areas.isPending && <p className="muted">{t('app.loading')}</p>}
        {areas.isError && <AdminProblem error={areas.error} failed={t('areasAdmin.loadFailed')} />}
        {sorted.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('areasAdmin.fields.sortOrder')}</th>
                  <th scope="col">{t('areasAdmin.fields.name')}</th>
                  <th scope="col">{t('areasAdmin.fields.population')}</th>
                  <th scope="col">{t('areasAdmin.fields.code')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('areasAdmin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((a) =>
                  editing === a.code ? (
                    <EditAreaRow
                      key={`${a.code}-${a.version}`}
                      area={a}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) setNotice(t('areasAdmin.saved', { name: saved.name }));
                      }}
                      onReload={() => void areas.refetch()}
                    />
                  ) : (
                    <tr key={a.code}>
                      <td className="num">{a.sort_order}</td>
                      <td>{a.name}</td>
                      <td className="num">
                        {a.population == null
                          ? t('areasAdmin.populationUnset')
                          : t('areasAdmin.populationValue', { count: a.population.toLocaleString('ja-JP') })}
                      </td>
                      <td>
                        <code>{a.code}</code>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button"
                          aria-label={t('areasAdmin.editOf', { name: a.name })}
                          onClick={() => {
                            setEditing(a.code);
                            setNotice(null);
                          }}
                        >
                          {t('areasAdmin.edit')}
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NewAreaForm nextOrder={(sorted.at(-1)?.sort_order ?? 0) + 1} onAdded={(a) => setNotice(t('areasAdmin.added', { name: a.name }))} />
    </div>
  );
}

function EditAreaRow({
  area,
  onDone,
  onReload,
}: {
  area: Area;
  onDone: (saved: Area | null) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateArea();
  const [name, setName] = useState(area.name);
  const [order, setOrder] = useState(String(area.sort_order));
  const [population, setPopulation] = useState(area.population == null ? '' : String(area.population));
  const invalid = problemFields(update.error);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const residents = population.trim() === '' ? null : Number(population.replaceAll(',', ''));
    update.mutate(
      { area, body: { name: name.trim(), sort_order: Number(order), population: residents } },
      { onSuccess: (saved) => onDone(saved) },
    );
  }

  // A form cannot sit inside a table row, so the inputs point at one by its id.
  const formId = `${id}-form`;
  return (
    <tr className="admin-areas-editing">
      <td>
        <label htmlFor={`${id}-order`} className="visually-hidden">
          {t('areasAdmin.fields.sortOrder')}
        </label>
        <input
          id={`${id}-order`}
          form={formId}
          type="number"
          min={0}
          className="admin-areas-order"
          value={order}
          aria-invalid={invalid.has('sort_order') || undefined}
          onChange={(e) => setOrder(e.target.value)}
        />
      </td>
      <td>
        <label htmlFor={`${id}-name`} className="visually-hidden">
          {t('areasAdmin.fields.name')}
        </label>
        <input
          id={`${id}-name`}
          form={formId}
          value={name}
          required
          aria-invalid={invalid.has('name') || undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <AdminProblem error={update.error} failed={t('areasAdmin.saveFailed')} onReload={onReload} />
      </td>
      <td>
        <label htmlFor={`${id}-population`} className="visually-hidden">
          {t('areasAdmin.fields.population')}
        </label>
        <input
          id={`${id}-population`}
          form={formId}
          inputMode="numeric"
          className="admin-areas-order"
          value={population}
          aria-invalid={invalid.has('population') || undefined}
          onChange={(e) => setPopulation(e.target.value)}
        />
      </td>
      <td>
        <code>{area.code}</code>
      </td>
      <td>
        <form id={formId} onSubmit={save} noValidate className="admin-areas-row-actions">
          <button type="submit" className="button primary" disabled={update.isPending}>
            {t('areasAdmin.save')}
          </button>
          <button type="button" className="button" onClick={() => onDone(null)}>
            {t('areasAdmin.cancel')}
          </button>
        </form>
      </td>
    </tr>
  );
}

function NewAreaForm({ nextOrder, onAdded }: { nextOrder: number; onAdded: (area: Area) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateArea();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [order, setOrder] = useState('');
  const invalid = problemFields(create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { code: code.trim(), name: name.trim(), sort_order: order === '' ? nextOrder : Number(order) },
      {
        onSuccess: (area) => {
          setCode('');
          setName('');
          setOrder('');
          onAdded(area);
        },
      },
    );
  }

  return (
    <form className="card form admin-areas-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('areasAdmin.addTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('areasAdmin.fields.code')}</label>
        <input
          id={`${id}-code`}
          value={code}
          spellCheck={false}
          autoComplete="off"
          required
          aria-invalid={invalid.has('code') || undefined}
          aria-describedby={`${id}-code-hint`}
          onChange={(e) => setCode(e.target.value)}
        />
        <p id={`${id}-code-hint`} className="hint">
          {t('areasAdmin.codeHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('areasAdmin.fields.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          required
          aria-invalid={invalid.has('name') || undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-order`}>{t('areasAdmin.fields.sortOrder')}</label>
        <input
          id={`${id}-order`}
          type="number"
          min={0}
          value={order}
          placeholder={String(nextOrder)}
          onChange={(e) => setOrder(e.target.value)}
        />
      </div>
      <AdminProblem error={create.error} failed={t('areasAdmin.addFailed')} />
      <button type="submit" className="button primary" disabled={create.isPending}>
        {t('areasAdmin.addSubmit')}
      </button>
    </form>
  );
}
