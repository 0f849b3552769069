/**
 * Per-widget export: CSV and JSON of what the widget shows, PNG and SVG of its chart.
 * A native <details> disclosure, so it opens with Enter/Space and needs no script for focus.
 */
import { tableCsv, tableJson, type TableModel } from './tableModel';
import { downloadText, downloadUrl } from './download';
import type { WidgetT } from './types';

export interface ExportSpec {
  /** File name without extension. */
  filename: string;
  table: TableModel;
  /** JSON payload; defaults to the table rows. */
  json?: unknown;
  /** PNG data URL of the live chart, when a chart is shown. */
  png?: () => string | null;
  /** SVG markup of the chart. */
  svg?: () => string | null;
}

export function ExportMenu({ spec, t, title }: { spec: ExportSpec; t: WidgetT; title: string }) {
  const { filename } = spec;
  const png = spec.png;
  const svg = spec.svg;
  return (
    <details className="rs-export">
      <summary aria-label={`${t('common.export')}: ${title}`}>{t('common.export')}</summary>
      <ul className="rs-export-menu">
        <li>
          <button type="button" onClick={() => downloadText(`${filename}.csv`, tableCsv(spec.table), 'text/csv;charset=utf-8')}>
            {t('common.exportCsv')}
          </button>
        </li>
        <li>
          <button
            type="button"
            onClick={() => downloadText(`${filename}.json`, JSON.stringify(spec.json ?? tableJson(spec.table), null, 2), 'application/json')}
          >
            {t('common.exportJson')}
          </button>
        </li>
        {png && (
          <li>
            <button
              type="button"
              onClick={() => {
                const url = png();
                if (url) downloadUrl(`${filename}.png`, url);
              }}
            >
              {t('common.exportPng')}
            </button>
          </li>
        )}
        {svg && (
          <li>
            <button
              type="button"
              onClick={() => {
                const text = svg();
                if (text) downloadText(`${filename}.svg`, text, 'image/svg+xml');
              }}
            >
              {t('common.exportSvg')}
            </button>
          </li>
        )}
      </ul>
    </details>
  );
}
