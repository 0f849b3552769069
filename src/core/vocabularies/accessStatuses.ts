/** InvenioRDM's computed access statuses (`access.status`), by id, in the dashboard's languages. */
import type { Vocabulary } from './types';

export const ACCESS_STATUSES: Vocabulary = {
  open: { en: 'Open', fr: 'Ouvert', de: 'Offen', es: 'Abierto' },
  restricted: { en: 'Restricted', fr: 'Restreint', de: 'Eingeschränkt', es: 'Restringido' },
  embargoed: { en: 'Embargoed', fr: 'Sous embargo', de: 'Gesperrt (Embargo)', es: 'Embargado' },
  'metadata-only': { en: 'Metadata only', fr: 'Métadonnées seules', de: 'Nur Metadaten', es: 'Solo metadatos' },
};
