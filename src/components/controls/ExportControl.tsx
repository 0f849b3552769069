/** Download the whole dashboard's data for the current view, as CSV or JSON. */
import { Button } from 'semantic-ui-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Layout } from '../../layout/schema';
import { useDashboardContext } from '../../data/context';
import { useDashboardState, useEffectiveRange } from '../../data/hooks';
import { collectExport, exportToCsv } from './exportData';
import { counterReportUrl } from '../../api/counter';

type ExportState = { status: 'idle' } | { status: 'working' } | { status: 'done'; count: number } | { status: 'failed'; message: string };

function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportControl({ layout }: { layout: Layout }) {
  const { t } = useTranslation('dashboard');
  const { apiBase, community } = useDashboardContext();
  const queryClient = useQueryClient();
  const range = useEffectiveRange();
  const granularity = useDashboardState((s) => s.granularity);
  const basis = useDashboardState((s) => s.basis);
  const comparison = useDashboardState((s) => s.comparison);
  const filters = useDashboardState((s) => s.filters);
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const run = async (kind: 'csv' | 'json') => {
    setState({ status: 'working' });
    try {
      const doc = await collectExport({ layout, queryClient, view: { apiBase, community, range, granularity, basis, comparison, filters } });
      const name = `repostats-${community}-${range.start}-${range.end}.${kind}`;
      if (kind === 'csv') download(name, exportToCsv(doc), 'text/csv;charset=utf-8');
      else download(name, `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
      setState({ status: 'done', count: doc.widgets.reduce((n, w) => n + w.series.length, 0) });
    } catch (error) {
      setState({ status: 'failed', message: (error as Error).message });
    }
  };

  return (
    <div className="rs-control rs-export-control" role="group" aria-label={t('controls.export.label')}>
      <span className="rs-control-label">{t('controls.export.label')}</span>
      <div className="rs-buttons">
        <Button type="button" basic size="small" compact disabled={state.status === 'working'} onClick={() => void run('csv')}>
          {t('controls.export.csv')}
        </Button>
        <Button type="button" basic size="small" compact disabled={state.status === 'working'} onClick={() => void run('json')}>
          {t('controls.export.json')}
        </Button>
        {(['pr', 'ir'] as const).map((report) => (
          // A download link, styled as a Fomantic button (semantic-ui-react's `as="a"` would make it role=button).
          <a key={report} className="ui basic small compact button" href={counterReportUrl({ apiBase, community, report, range })} download>
            {t('controls.export.counter', { report: report.toUpperCase() })}
          </a>
        ))}
      </div>
      <span className="rs-export-status" role="status">
        {state.status === 'working' && t('controls.export.working')}
        {state.status === 'done' && t('controls.export.done', { count: state.count })}
        {state.status === 'failed' && t('controls.export.failed', { message: state.message })}
      </span>
    </div>
  );
}
