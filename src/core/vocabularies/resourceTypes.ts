/**
 * InvenioRDM's default resource types (`vocabularies/resource_types.yaml`), by id, in the
 * dashboard's languages. Shown when a record's own label is missing or empty (the reference's
 * documents carry the thesis type with an empty label).
 */
import type { Vocabulary } from './types';

export const RESOURCE_TYPES: Vocabulary = {
  publication: { en: 'Publication', fr: 'Publication', de: 'Publikation', es: 'Publicación' },
  'publication-annotationcollection': { en: 'Annotation collection', fr: 'Collection d’annotations', de: 'Annotationssammlung', es: 'Colección de anotaciones' },
  'publication-article': { en: 'Journal article', fr: 'Article de revue', de: 'Zeitschriftenartikel', es: 'Artículo de revista' },
  'publication-book': { en: 'Book', fr: 'Livre', de: 'Buch', es: 'Libro' },
  'publication-section': { en: 'Book chapter', fr: 'Chapitre de livre', de: 'Buchkapitel', es: 'Capítulo de libro' },
  'publication-conferencepaper': { en: 'Conference paper', fr: 'Communication', de: 'Konferenzbeitrag', es: 'Ponencia' },
  'publication-conferenceproceeding': { en: 'Conference proceeding', fr: 'Actes de conférence', de: 'Tagungsband', es: 'Actas de congreso' },
  'publication-datamanagementplan': { en: 'Data management plan', fr: 'Plan de gestion des données', de: 'Datenmanagementplan', es: 'Plan de gestión de datos' },
  'publication-deliverable': { en: 'Project deliverable', fr: 'Livrable de projet', de: 'Projektergebnis', es: 'Entregable de proyecto' },
  'publication-milestone': { en: 'Project milestone', fr: 'Jalon de projet', de: 'Projektmeilenstein', es: 'Hito de proyecto' },
  'publication-patent': { en: 'Patent', fr: 'Brevet', de: 'Patent', es: 'Patente' },
  'publication-preprint': { en: 'Preprint', fr: 'Prépublication', de: 'Preprint', es: 'Preimpresión' },
  'publication-proposal': { en: 'Proposal', fr: 'Proposition', de: 'Antrag', es: 'Propuesta' },
  'publication-report': { en: 'Report', fr: 'Rapport', de: 'Bericht', es: 'Informe' },
  'publication-softwaredocumentation': { en: 'Software documentation', fr: 'Documentation logicielle', de: 'Softwaredokumentation', es: 'Documentación de software' },
  'publication-taxonomictreatment': { en: 'Taxonomic treatment', fr: 'Traitement taxonomique', de: 'Taxonomische Behandlung', es: 'Tratamiento taxonómico' },
  'publication-technicalnote': { en: 'Technical note', fr: 'Note technique', de: 'Technische Notiz', es: 'Nota técnica' },
  'publication-thesis': { en: 'Thesis', fr: 'Thèse', de: 'Abschlussarbeit', es: 'Tesis' },
  'publication-workingpaper': { en: 'Working paper', fr: 'Document de travail', de: 'Arbeitspapier', es: 'Documento de trabajo' },
  'publication-other': { en: 'Other publication', fr: 'Autre publication', de: 'Andere Publikation', es: 'Otra publicación' },
  dataset: { en: 'Dataset', fr: 'Jeu de données', de: 'Datensatz (Daten)', es: 'Conjunto de datos' },
  software: { en: 'Software', fr: 'Logiciel', de: 'Software', es: 'Software' },
  image: { en: 'Image', fr: 'Image', de: 'Bild', es: 'Imagen' },
  'image-figure': { en: 'Figure', fr: 'Figure', de: 'Abbildung', es: 'Figura' },
  'image-plot': { en: 'Plot', fr: 'Graphique', de: 'Diagramm', es: 'Gráfico' },
  'image-drawing': { en: 'Drawing', fr: 'Dessin', de: 'Zeichnung', es: 'Dibujo' },
  'image-diagram': { en: 'Diagram', fr: 'Schéma', de: 'Schema', es: 'Diagrama' },
  'image-photo': { en: 'Photo', fr: 'Photo', de: 'Foto', es: 'Fotografía' },
  'image-other': { en: 'Other image', fr: 'Autre image', de: 'Anderes Bild', es: 'Otra imagen' },
  presentation: { en: 'Presentation', fr: 'Présentation', de: 'Präsentation', es: 'Presentación' },
  poster: { en: 'Poster', fr: 'Affiche', de: 'Poster', es: 'Póster' },
  video: { en: 'Video/Audio', fr: 'Vidéo/Audio', de: 'Video/Audio', es: 'Vídeo/Audio' },
  lesson: { en: 'Lesson', fr: 'Leçon', de: 'Lektion', es: 'Lección' },
  physicalobject: { en: 'Physical object', fr: 'Objet physique', de: 'Physisches Objekt', es: 'Objeto físico' },
  workflow: { en: 'Workflow', fr: 'Flux de travail', de: 'Workflow', es: 'Flujo de trabajo' },
  model: { en: 'Model', fr: 'Modèle', de: 'Modell', es: 'Modelo' },
  event: { en: 'Event', fr: 'Événement', de: 'Veranstaltung', es: 'Evento' },
  other: { en: 'Other', fr: 'Autre', de: 'Sonstiges', es: 'Otro' },
};
