/**
 * The card's overflow menu (semantic-ui-react Dropdown with an icon trigger): the table/chart
 * switch, the downloads (CSV and JSON of what the card shows, PNG and SVG of its chart) and
 * hide/show. Keyboard: Tab to the ⋯ button, Space or ↓ opens, ↑/↓ move, Enter runs, Escape closes.
 */
import { useId } from 'react';
import { Icon } from 'semantic-ui-react';
import { SelectDropdown } from '../../controls/SelectDropdown';
import { downloadText, downloadUrl } from './download';
import { tableCsv, tableJson, type TableModel } from './tableModel';
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

export interface CardMenuProps {
  title: string;
  t: WidgetT;
  /** The chart/table switch, for cards that draw a chart and have no table in their view switch. */
  tableToggle?: { shown: boolean; onToggle: () => void };
  exports?: ExportSpec;
  hidden: boolean;
  onHiddenChange: (hidden: boolean) => void;
}

interface Action {
  id: string;
  label: string;
  icon: string;
  run: () => void;
}

function actions({ t, tableToggle, exports, hidden, onHiddenChange }: CardMenuProps): Action[] {
  const list: Action[] = [];
  if (tableToggle && !hidden) {
    list.push({ id: 'table', label: t(tableToggle.shown ? 'common.viewAsChart' : 'common.viewAsTable'), icon: tableToggle.shown ? 'chart area' : 'table', run: tableToggle.onToggle });
  }
  if (exports && !hidden) {
    const { filename, table, json, png, svg } = exports;
    list.push(
      { id: 'csv', label: t('common.exportCsv'), icon: 'download', run: () => downloadText(`${filename}.csv`, tableCsv(table), 'text/csv;charset=utf-8') },
      { id: 'json', label: t('common.exportJson'), icon: 'download', run: () => downloadText(`${filename}.json`, JSON.stringify(json ?? tableJson(table), null, 2), 'application/json') },
    );
    if (png) {
      list.push({ id: 'png', label: t('common.exportPng'), icon: 'image', run: () => {
        const url = png();
        if (url) downloadUrl(`${filename}.png`, url);
      } });
    }
    if (svg) {
      list.push({ id: 'svg', label: t('common.exportSvg'), icon: 'image outline', run: () => {
        const text = svg();
        if (text) downloadText(`${filename}.svg`, text, 'image/svg+xml');
      } });
    }
  }
  list.push({ id: 'hide', label: t(hidden ? 'common.show' : 'common.hide'), icon: hidden ? 'eye' : 'eye slash', run: () => onHiddenChange(!hidden) });
  return list;
}

export function CardMenu(props: CardMenuProps) {
  const id = useId();
  const list = actions(props);
  return (
    <SelectDropdown
      button
      basic
      compact
      className="icon rs-card-menu"
      icon={null}
      trigger={<Icon name="ellipsis horizontal" />}
      direction="left"
      aria-label={props.t('common.menu', { title: props.title })}
      aria-controls={`${id}-actions`}
      value=""
      options={list.map((a, i) => ({ key: a.id, value: a.id, text: a.label, icon: a.icon, id: `${id}-action-${i}` }))}
      openOnFocus={false}
      selectOnBlur={false}
      selectOnNavigation={false}
      onChange={(_, data) => list.find((a) => a.id === data.value)?.run()}
    />
  );
}
