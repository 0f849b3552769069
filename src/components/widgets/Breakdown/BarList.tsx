/**
 * A breakdown as a bar list (as Plausible shows one): each item's name, its value and share, and
 * a light bar behind the row sized to the largest item. Long names are shortened in the middle,
 * the full name on hover and for screen readers.
 */
import type { BreakdownRow } from '../../../core/charts/breakdown';
import type { FieldId } from '../../../core/fields';
import { truncateMiddle } from '../../../core/format/truncate';
import { Hint } from '../../Hint/Hint';
import { fillUrl } from '../shared/labels';
import type { Format } from '../shared/types';

/** Characters of a name shown before it is shortened in the middle. */
export const BAR_LIST_NAME_CHARS = 64;

export interface BarListProps {
  rows: BreakdownRow[];
  /** Accessible name of the list (the breakdown's description). */
  label: string;
  field: FieldId;
  value: (n: number) => string;
  format: Format;
  searchUrl?: string;
  /** Told the item id when the reader clicks a name (the dashboard filters by it); its accessible name from `selectLabel`. */
  onSelect?: (id: string) => void;
  selectLabel?: (name: string) => string;
}

export function BarList({ rows, label, field, value, format, searchUrl, onSelect, selectLabel }: BarListProps) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <ul className="rs-barlist" aria-label={label}>
      {rows.map((r) => {
        const short = truncateMiddle(r.name, BAR_LIST_NAME_CHARS);
        const name =
          short === r.name ? (
            r.name
          ) : (
            <>
              <span aria-hidden="true">{short}</span>
              <span className="rs-visually-hidden">{r.name}</span>
            </>
          );
        return (
          <li key={r.id} className={r.isOther ? 'rs-barlist-row rs-barlist-other' : 'rs-barlist-row'}>
            <span className="rs-barlist-bar" aria-hidden="true" style={{ width: `${max > 0 ? Math.max(0, (r.value / max) * 100) : 0}%` }} />
            <Hint content={r.name}>
              <span className="rs-barlist-name">
                {onSelect && !r.isOther ? (
                  <button type="button" className="rs-barlist-select" title={selectLabel?.(r.name)} onClick={() => onSelect(r.id)}>
                    {name}
                  </button>
                ) : searchUrl && !r.isOther ? (
                  <a href={fillUrl(searchUrl, { id: r.id, field })}>{name}</a>
                ) : (
                  name
                )}
              </span>
            </Hint>
            <data className="rs-barlist-value" value={r.value}>
              {value(r.value)}
            </data>
            <span className="rs-barlist-share">{r.share === null ? '–' : format.percent(r.share)}</span>
          </li>
        );
      })}
    </ul>
  );
}
