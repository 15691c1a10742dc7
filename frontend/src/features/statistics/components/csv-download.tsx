import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloadCsv } from '../api/download-csv';
import type { CsvEncoding, StatisticsFilter } from '../api/types';

/** The month's CSV for Excel: UTF-8 with BOM by default, Shift_JIS (cp932) for older Excel. */
export function CsvDownload({ filter }: { filter: StatisticsFilter }) {
  const { t } = useTranslation();
  const id = useId();
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const download = useDownloadCsv();
  return (
    <div className="statistics-csv">
      <label htmlFor={id}>{t('statistics.encoding')}</label>
      <select id={id} value={encoding} onChange={(e) => setEncoding(e.target.value as CsvEncoding)}>
        <option value="utf-8">{t('statistics.encodingUtf8')}</option>
        <option value="cp932">{t('statistics.encodingCp932')}</option>
      </select>
      <button
        type="button"
        className="button primary"
        disabled={download.isPending}
        onClick={() => download.mutate({ ...filter, encoding })}
      >
        {download.isPending ? t('statistics.downloading') : t('statistics.download')}
      </button>
      <span role="status" className="statistics-csv-status">
        {download.isSuccess && t('statistics.downloaded', { name: download.data })}
      </span>
      {download.isError && (
        <p role="alert" className="alert">
          {t('statistics.downloadFailed')}
        </p>
      )}
    </div>
  );
}
