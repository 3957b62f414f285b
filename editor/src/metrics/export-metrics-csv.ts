import { metricsApi, type MetricsRequest } from '../api/metrics-api.js';
import { downloadText } from '../documents/download-text.js';

/**
 * Downloads the series of a period as the server's CSV (fetched with the token, so no bare link).
 * @example await exportMetricsCsv({ from, to, groupBy: 'day' }, '2030-02-26') // replyflow-metrics-2030-02-26-day.csv
 */
export async function exportMetricsCsv(request: MetricsRequest, fromDay: string): Promise<void> {
  const text = await metricsApi.csv(request);
  // Response.text() drops the server's byte-order mark; without it Excel on Chinese Windows reads the file as GBK.
  const withBom = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  downloadText(`replyflow-metrics-${fromDay}-${request.groupBy}.csv`, withBom, 'text/csv;charset=utf-8');
}
