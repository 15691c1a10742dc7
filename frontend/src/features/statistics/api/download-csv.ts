import { useMutation } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { CsvEncoding, StatisticsFilter } from './types';

type CsvRequest = StatisticsFilter & { encoding: CsvEncoding };

/** The name the server gave the file (RFC 6266: filename* first), else a plain one. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a malformed name: use the plain one
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Fetch the month's CSV with the bearer token (the one API client adds it; never in the URL)
 * and save it through a Blob URL.
 */
export async function downloadCsv({ month, area, encoding }: CsvRequest): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/statistics/monthly', {
    params: { query: { month, encoding, ...(area ? { area } : {}) } },
    headers: { Accept: 'text/csv' },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, error);
  const filename = filenameOf(response.headers.get('content-disposition'), `statistics-${month}.csv`);
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return filename;
}

export function useDownloadCsv() {
  return useMutation({ mutationFn: downloadCsv });
}
