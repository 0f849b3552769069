import type { QueryClient } from '@tanstack/react-query';
import type { BytesMode } from '../../i18n/format';
import type { LayoutOverride } from '../../layout/merge';
import type { DashboardView } from '../../state/store';
import type { ThemeName, ThemeTokens } from '../../theme';

/**
 * @example
 * <StatsDashboard apiBase="/api" community="global" layout={defaultLayout} locale="fr" theme="dark" />
 */
export interface StatsDashboardProps {
  /** Where the repostats API lives (default `/api`). */
  apiBase?: string;
  /** A community id or `global` (default). */
  community?: string;
  /**
   * A full layout, or a patch (`{tabs: {add, remove, replace, order}}`) over the default for the
   * community. Without one, the community's effective layout is fetched from the server.
   */
  layout?: LayoutOverride | unknown;
  /** BCP 47 language (`en`, `fr`, `de`, `es`; others fall back to English). Default `en`. */
  locale?: string;
  theme?: ThemeName;
  /** Host colours over the theme (palette, text, background…). */
  colors?: Partial<ThemeTokens>;
  /** Share the host's QueryClient (otherwise the dashboard creates its own). */
  queryClient?: QueryClient;
  /**
   * Mirror the view in the page's query string so links reproduce it. `true` uses the `rs.`
   * prefix; give each dashboard its own namespace when a page shows several.
   */
  urlSync?: boolean | { namespace: string };
  /** `decimal` (kB, MB; default) or `binary` (KiB, MiB). */
  formatBytes?: BytesMode;
  /** The view to start from (the URL, when synced, wins). */
  initialView?: Partial<DashboardView>;
  /** Pins "today" (`YYYY-MM-DD`) for presets: reproducible screenshots and tests. */
  today?: string;
  /** Told about layout problems, failed loads and widget crashes (for the host's logging). */
  onError?: (error: Error) => void;
  /** The header's title; by default the community's title from the server ("Whole repository" for `global`). */
  title?: string;
  /** URL of a logo shown beside the title (decorative: the title names the dashboard). */
  logo?: string;
}
