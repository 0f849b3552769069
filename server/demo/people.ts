/**
 * Who makes and pays for the demo records: funders and affiliations with ROR ids (some
 * affiliations without an id, as free-text affiliations are common in real data), publishers,
 * journals, names and title words.
 */

export const FUNDERS: readonly { id: string; name: string; weight: number }[] = [
  { id: '00k4n6c32', name: 'European Commission', weight: 20 },
  { id: '021nxhr62', name: 'National Science Foundation', weight: 16 },
  { id: '01cwqze88', name: 'National Institutes of Health', weight: 12 },
  { id: '018mejw64', name: 'Deutsche Forschungsgemeinschaft', weight: 9 },
  { id: '00rbzpz17', name: 'Agence Nationale de la Recherche', weight: 7 },
  { id: '00yjd3n13', name: 'Swiss National Science Foundation', weight: 5 },
  { id: '001aqnf71', name: 'UK Research and Innovation', weight: 8 },
  { id: '0472cxd90', name: 'European Research Council', weight: 7 },
  { id: '04jsz6e67', name: 'Dutch Research Council', weight: 4 },
  { id: '029chgv08', name: 'Wellcome Trust', weight: 4 },
  { id: '02vdm1p28', name: 'National Endowment for the Humanities', weight: 5 },
  { id: '01h0zpd94', name: 'Andrew W. Mellon Foundation', weight: 3 },
];

/** ROR-identified institutions, plus a few free-text ones (no id) as real deposits carry. */
export const AFFILIATIONS: readonly { id?: string; name: string; weight: number }[] = [
  { id: '042nb2s44', name: 'Massachusetts Institute of Technology', weight: 8 },
  { id: '03vek6s52', name: 'Harvard University', weight: 8 },
  { id: '00f54p054', name: 'Stanford University', weight: 6 },
  { id: '052gg0110', name: 'University of Oxford', weight: 7 },
  { id: '013meh722', name: 'University of Cambridge', weight: 6 },
  { id: '05a28rw58', name: 'ETH Zurich', weight: 5 },
  { id: '02en5vm52', name: 'Sorbonne Université', weight: 5 },
  { id: '01hcx6992', name: 'Humboldt-Universität zu Berlin', weight: 5 },
  { id: '01tmp8f25', name: 'Universidad Nacional Autónoma de México', weight: 4 },
  { id: '03dbr7087', name: 'University of Toronto', weight: 5 },
  { id: '01ggx4157', name: 'CERN', weight: 4 },
  { id: '02jx3x895', name: 'University College London', weight: 5 },
  { id: '05591te55', name: 'Ludwig-Maximilians-Universität München', weight: 4 },
  { id: '021018s57', name: 'Universitat de Barcelona', weight: 4 },
  { id: '05hs6h993', name: 'Michigan State University', weight: 6 },
  { id: '03rmrcq20', name: 'University of British Columbia', weight: 4 },
  { id: '02be6w209', name: 'Sapienza Università di Roma', weight: 3 },
  { id: '05f950310', name: 'KU Leuven', weight: 3 },
  { id: '057zh3y96', name: 'The University of Tokyo', weight: 3 },
  { id: '03p74gp79', name: 'University of Cape Town', weight: 3 },
  { name: 'Independent researcher', weight: 5 },
  { name: 'San Francisco Public Library', weight: 1 },
  { name: 'Henry Ford College', weight: 1 },
];

export const PUBLISHERS: readonly [string, number][] = [
  ['Zenodo', 30], ['Knowledge Commons', 20], ['Springer Nature', 8], ['Elsevier', 6], ['Brill', 4],
  ['De Gruyter', 4], ['Cambridge University Press', 5], ['Oxford University Press', 5],
  ['Presses Universitaires de France', 3], ['Editorial Universidad de Sevilla', 2], ['Wiley', 4], ['MDPI', 4],
];

export const JOURNALS: readonly [string, number][] = [
  ['Philological Encounters', 4], ['Journal of Digital Humanities', 6], ['Nature Communications', 3],
  ['PLOS ONE', 8], ['Revue d’histoire des sciences', 3], ['Zeitschrift für Kulturwissenschaften', 3],
  ['Revista de Estudios Sociales', 3], ['Digital Scholarship in the Humanities', 5], ['Scientific Data', 4],
  ['Journal of Open Source Software', 4], ['Library Trends', 3], ['Historical Methods', 2],
];

export const GIVEN_NAMES = [
  'Alexandre', 'Maria', 'John', 'Aisha', 'Wei', 'Sofia', 'Lukas', 'Chiara', 'Kenji', 'Fatima',
  'Pedro', 'Anna', 'Olusegun', 'Emma', 'Hiroshi', 'Lucía', 'Noah', 'Ingrid', 'Rahul', 'Camille',
];

export const FAMILY_NAMES = [
  'Roberts', 'García', 'Müller', 'Smith', 'Dubois', 'Rossi', 'Tanaka', 'Okafor', 'Nowak', 'Silva',
  'Chen', 'Johansson', 'Kumar', 'Martin', 'Fernández', 'Schmidt', 'Moreau', 'Yamamoto', 'Ahmed', 'Brown',
];

export const TITLE_TOPICS = [
  'climate adaptation', 'medieval manuscripts', 'urban mobility', 'protein folding', 'language change',
  'open access publishing', 'coral reef ecology', 'labour history', 'machine translation', 'soil microbiomes',
  'early modern print', 'public health policy', 'galaxy formation', 'digital archives', 'migration patterns',
  'music cognition', 'renewable energy markets', 'ancient mathematics', 'library services', 'sleep and memory',
];

export const TITLE_FRAMES = [
  'A study of {t}', 'Rethinking {t}', '{T}: new evidence', 'Data on {t}', 'Notes on {t}',
  'Towards a history of {t}', '{T} in comparative perspective', 'Measuring {t}', 'The politics of {t}',
  'Open questions in {t}',
];

/** Community names: a few large general ones first (the generator makes earlier ones bigger). */
export const COMMUNITY_THEMES = [
  'Humanities Commons', 'Open Science Lab', 'Digital History Network', 'Climate Data Collective',
  'Linguistics Society', 'Medieval Studies', 'Open Source Research Software', 'Public Health Observatory',
  'Astronomy Archive', 'Music and Sound Studies', 'Urban Studies Forum', 'Marine Biology Group',
  'Philosophy of Science', 'Library Futures', 'Economic History', 'Neuroscience Data',
];
