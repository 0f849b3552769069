import type { WidgetOf } from '../../../layout/schema';
import { layoutLabel } from '../shared/labels';
import { useViewCommon } from '../shared/useViewCommon';
import { TextBlockView } from './TextBlockView';

/** `text` widget: labels may be `{en, fr, …}` objects or i18n keys. */
export function TextBlock({ config }: { config: WidgetOf<'text'> }) {
  const common = useViewCommon();
  return <TextBlockView heading={layoutLabel(config.heading ?? config.title, common)} body={layoutLabel(config.body, common) ?? ''} />;
}
