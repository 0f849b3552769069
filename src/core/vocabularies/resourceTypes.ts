/**
 * InvenioRDM's default resource types (invenio-rdm-records
 * `fixtures/data/vocabularies/resource_types.yaml`, 2026-08), by id, in the dashboard's languages.
 * English, German and Spanish are InvenioRDM's titles as written; InvenioRDM ships no French, so
 * French (and the few German or Spanish titles it lacks) are this project's. `publication-thesis`,
 * removed from InvenioRDM in October 2025 in favour of `publication-dissertation`, is kept: records
 * of older sites still carry it. Shown when a record's own label is missing or empty (the
 * reference's documents carry the thesis type with an empty label).
 */
import type { Vocabulary } from './types';

export const RESOURCE_TYPES: Vocabulary = {
  publication: { en: 'Publication', fr: 'Publication', de: 'Publikation', es: 'Publicación' },
  'publication-annotationcollection': { en: 'Annotation collection', fr: 'Collection d’annotations', de: 'Anmerkungssammlung', es: 'Colección de anotaciones' },
  'publication-book': { en: 'Book', fr: 'Livre', de: 'Buch', es: 'Libro' },
  'publication-section': { en: 'Book chapter', fr: 'Chapitre de livre', de: 'Buchkapitel', es: 'Capítulo de libro' },
  'publication-conferencepaper': { en: 'Conference paper', fr: 'Communication', de: 'Konferenzbeitrag', es: 'Ponencia de conferencia' },
  'publication-conferenceproceeding': { en: 'Conference proceeding', fr: 'Actes de conférence', de: 'Tagungsband', es: 'Actas de congreso' },
  'publication-datamanagementplan': { en: 'Output management plan', fr: 'Plan de gestion des résultats', de: 'Outputmanagementplan', es: 'Plan de gestión de resultados' },
  'publication-journal': { en: 'Journal', fr: 'Revue', de: 'Zeitschrift', es: 'Revista' },
  'publication-article': { en: 'Journal article', fr: 'Article de revue', de: 'Zeitschriftenartikel', es: 'Artículo de revista' },
  'publication-patent': { en: 'Patent', fr: 'Brevet', de: 'Patent', es: 'Patente' },
  'publication-peerreview': { en: 'Peer review', fr: 'Évaluation par les pairs', de: 'Peer Review', es: 'Revisión por pares' },
  'publication-preprint': { en: 'Preprint', fr: 'Prépublication', de: 'Preprint', es: 'Preimpresión' },
  'publication-deliverable': { en: 'Project deliverable', fr: 'Livrable de projet', de: 'Projektergebnis', es: 'Entregable de proyecto' },
  'publication-milestone': { en: 'Project milestone', fr: 'Jalon de projet', de: 'Projektmeilenstein', es: 'Hito de proyecto' },
  'publication-proposal': { en: 'Proposal', fr: 'Proposition', de: 'Antrag', es: 'Propuesta' },
  'publication-report': { en: 'Report', fr: 'Rapport', de: 'Bericht', es: 'Informe' },
  'publication-softwaredocumentation': { en: 'Software documentation', fr: 'Documentation logicielle', de: 'Softwaredokumentation', es: 'Documentación de software' },
  'publication-taxonomictreatment': { en: 'Taxonomic treatment', fr: 'Traitement taxonomique', de: 'Taxonomische Behandlung', es: 'Tratamiento taxonómico' },
  'publication-technicalnote': { en: 'Technical note', fr: 'Note technique', de: 'Technical Note', es: 'Nota técnica' },
  'publication-workingpaper': { en: 'Working paper', fr: 'Document de travail', de: 'Arbeitspapier', es: 'Documento de trabajo' },
  'publication-datapaper': { en: 'Data paper', fr: 'Article de données', de: 'Datenpapier', es: 'Artículo de datos' },
  'publication-dissertation': { en: 'Thesis', fr: 'Thèse', de: 'Abschlussarbeit', es: 'Tesis' },
  'publication-thesis': { en: 'Thesis', fr: 'Thèse', de: 'Abschlussarbeit', es: 'Tesis' },
  'publication-standard': { en: 'Standard', fr: 'Norme', de: 'Standard', es: 'Estándard' },
  'publication-studyregistration': { en: 'Study Registration', fr: 'Enregistrement d’étude', de: 'Studienregistrierung', es: 'Registro de estudio' },
  'publication-other': { en: 'Other', fr: 'Autre', de: 'Sonstige', es: 'Otro' },
  poster: { en: 'Poster', fr: 'Affiche', de: 'Poster', es: 'Póster' },
  presentation: { en: 'Presentation', fr: 'Présentation', de: 'Präsentation', es: 'Presentación' },
  event: { en: 'Event', fr: 'Événement', de: 'Veranstaltung', es: 'Evento' },
  dataset: { en: 'Dataset', fr: 'Jeu de données', de: 'Datensatz', es: 'Conjunto de datos' },
  image: { en: 'Image', fr: 'Image', de: 'Bild', es: 'Imagen' },
  'image-figure': { en: 'Figure', fr: 'Figure', de: 'Abbildung', es: 'Figura' },
  'image-plot': { en: 'Plot', fr: 'Graphique', de: 'Plot', es: 'Gráfico de imagen' },
  'image-drawing': { en: 'Drawing', fr: 'Dessin', de: 'Zeichnung', es: 'Dibujo' },
  'image-diagram': { en: 'Diagram', fr: 'Schéma', de: 'Diagramm', es: 'Diagrama' },
  'image-photo': { en: 'Photo', fr: 'Photo', de: 'Foto', es: 'Foto' },
  'image-other': { en: 'Other', fr: 'Autre', de: 'Sonstiges', es: 'Otro' },
  model: { en: 'Model', fr: 'Modèle', de: 'Modell', es: 'Modelo' },
  video: { en: 'Video', fr: 'Vidéo', de: 'Video', es: 'Video' },
  audio: { en: 'Audio', fr: 'Audio', de: 'Audio', es: 'Audio' },
  software: { en: 'Software', fr: 'Logiciel', de: 'Software', es: 'Software' },
  'software-computationalnotebook': { en: 'Computational notebook', fr: 'Notebook computationnel', de: 'Computational Notebook', es: 'Cuaderno de cálculo' },
  lesson: { en: 'Lesson', fr: 'Leçon', de: 'Unterrichtseinheit', es: 'Lección' },
  other: { en: 'Other', fr: 'Autre', de: 'Sonstige', es: 'Otro' },
  physicalobject: { en: 'Physical object', fr: 'Objet physique', de: 'Physikalisches Objekt', es: 'Objeto físico' },
  workflow: { en: 'Workflow', fr: 'Flux de travail', de: 'Workflow', es: 'Flujo' },
  project: { en: 'Project', fr: 'Projet', de: 'Projekt', es: 'Proyecto' },
  instrument: { en: 'Instrument', fr: 'Instrument', de: 'Instrument', es: 'Instrumento' },
};
