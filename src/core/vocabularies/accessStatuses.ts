/**
 * InvenioRDM's computed access statuses (`access.status`), by id, in the dashboard's languages.
 * English, German and the Spanish "Solo metadatos", French "Restreint" and "Métadonnées uniquement"
 * are InvenioRDM's own (invenio-rdm-records `services/facets.py` and its translation catalogues).
 * Where a catalogue shares the msgid with a button and so gives a verb or a plural ("Abrir",
 * "Ouvrir", "Embargos"), the adjective a status needs is used instead.
 */
import type { Vocabulary } from './types';

export const ACCESS_STATUSES: Vocabulary = {
  open: { en: 'Open', fr: 'Ouvert', de: 'Offen', es: 'Abierto' },
  restricted: { en: 'Restricted', fr: 'Restreint', de: 'Eingeschränkt', es: 'Restringido' },
  embargoed: { en: 'Embargoed', fr: 'Sous embargo', de: 'Gesperrt', es: 'Embargado' },
  'metadata-only': { en: 'Metadata-only', fr: 'Métadonnées uniquement', de: 'Reiner Metadateneintrag', es: 'Solo metadatos' },
};
