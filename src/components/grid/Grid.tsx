/**
 * A tab's rows on the 16-column grid. Widths shrink to tablet/mobile values by the dashboard's
 * own width (container queries), not the page's, so an embedded dashboard in a sidebar reflows.
 */
import type { Tab } from '../../layout/schema';
import type { UnknownWidget } from '../../layout/validate';
import type { WidgetRegistry } from './registry';
import { UnknownWidgetSlot, WidgetSlot } from './WidgetSlot';

export interface GridProps {
  tab: Tab;
  tabIndex: number;
  registry: WidgetRegistry;
  unknownWidgets?: readonly UnknownWidget[];
  onError?: (error: Error) => void;
}

export function Grid({ tab, tabIndex, registry, unknownWidgets = [], onError }: GridProps) {
  return (
    <div className="rs-grid">
      {tab.rows.map((row, r) => {
        const unknown = unknownWidgets.filter((u) => u.tab === tabIndex && u.row === r);
        const cells = row.widgets.map((config, i) => (
          <WidgetSlot key={config.id ?? `w${i}`} config={config} registry={registry} onError={onError} />
        ));
        // Put each unknown widget back at the index the layout gave it.
        for (const u of [...unknown].sort((a, b) => a.index - b.index)) {
          cells.splice(u.index, 0, <UnknownWidgetSlot key={`unknown-${u.index}`} widget={u} />);
        }
        return (
          <div className="rs-row" key={r}>
            {cells}
          </div>
        );
      })}
    </div>
  );
}
