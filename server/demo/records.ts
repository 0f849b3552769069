/**
 * One demo record as InvenioRDM's REST API returns it, rebuilt from the plan and the record's own
 * random stream: same (seed, index) → same JSON, without keeping any record in memory.
 */
import { DAY_MS, invenioTimestamp, isoDate } from './calendar';
import { FAMILY_NAMES, FUNDERS, AFFILIATIONS, GIVEN_NAMES, JOURNALS, PUBLISHERS, TITLE_FRAMES, TITLE_TOPICS } from './people';
import { finalCommunityIds, parentIdOf, SALT, type DemoPlan } from './plan';
import { chance, intBetween, logNormal, pick, pickDistinct, streamFor, weightedSampler, type Rng } from './random';
import { ACCESS_STATUSES, FILE_KINDS, LANGUAGES, RESOURCE_TYPES, RIGHTS, SUBJECTS, type FileKindId } from './vocabularies';

export interface DemoFile {
  key: string;
  size: number;
  ext: string;
  mimetype: string;
}

const languageSampler = weightedSampler(LANGUAGES.map((l) => [l, l.weight] as const));
const rightsSampler = weightedSampler(RIGHTS.map((r) => [r, r.weight] as const));
const subjectSampler = weightedSampler(SUBJECTS.map((s) => [s, s.weight] as const));
const funderSampler = weightedSampler(FUNDERS.map((f) => [f, f.weight] as const));
const affiliationSampler = weightedSampler(AFFILIATIONS.map((a) => [a, a.weight] as const));
const publisherSampler = weightedSampler(PUBLISHERS);
const journalSampler = weightedSampler(JOURNALS);
const accessSampler = weightedSampler(ACCESS_STATUSES);

/** The record's files (empty for metadata-only records); downloads pick from these. */
export function recordFiles(plan: DemoPlan, i: number): DemoFile[] {
  if (!plan.withFiles[i]) return [];
  const rng = streamFor(plan.seed, SALT.files, i);
  const type = RESOURCE_TYPES[plan.resourceType[i]!]!;
  const kinds: FileKindId[] = [pick(rng, type.files)];
  if (chance(rng, 0.35)) kinds.push(pick(rng, type.files));
  if (type.extras.length > 0 && chance(rng, 0.3)) kinds.push(pick(rng, type.extras));
  const slug = pick(rng, TITLE_TOPICS).replace(/ /g, '-');
  return kinds.map((kind, k) => {
    const spec = FILE_KINDS[kind];
    const size = Math.max(512, Math.round(logNormal(rng, spec.median, 1)));
    return { key: k === 0 ? `${slug}.${spec.ext}` : `${slug}-${k + 1}.${spec.ext}`, size, ext: spec.ext, mimetype: spec.mimetype };
  });
}

function person(rng: Rng, withAffiliations: boolean): Record<string, unknown> {
  const given = pick(rng, GIVEN_NAMES);
  const family = pick(rng, FAMILY_NAMES);
  const affiliations = withAffiliations
    ? pickDistinct(rng, chance(rng, 0.25) ? 2 : 1, affiliationSampler).map((a) => (a.id ? { id: a.id, name: a.name } : { name: a.name }))
    : [];
  return {
    person_or_org: { type: 'personal', name: `${family}, ${given}`, given_name: given, family_name: family },
    role: { id: 'author', title: { en: 'Author', fr: 'Auteur', de: 'Autor', es: 'Autor' } },
    ...(affiliations.length > 0 ? { affiliations } : {}),
  };
}

/** EDTF at year, month or day precision, on or before the creation day (often years before). */
function publicationDate(rng: Rng, createdMs: number): string {
  const yearsBack = chance(rng, 0.45) ? 0 : Math.min(40, Math.floor(logNormal(rng, 2, 1)));
  const ms = createdMs - yearsBack * 365 * DAY_MS - Math.floor(rng() * 120) * DAY_MS;
  const day = isoDate(ms);
  const precision = rng();
  return precision < 0.3 ? day.slice(0, 4) : precision < 0.5 ? day.slice(0, 7) : day;
}

function title(rng: Rng): string {
  const topic = pick(rng, TITLE_TOPICS);
  const frame = pick(rng, TITLE_FRAMES);
  return frame.replace('{t}', topic).replace('{T}', topic[0]!.toUpperCase() + topic.slice(1));
}

/** The record JSON, as the InvenioRDM records API returns it (the fields repostats reads, and some it does not). */
export function buildRecord(plan: DemoPlan, i: number): Record<string, unknown> {
  const rng = streamFor(plan.seed, SALT.record, i);
  const id = plan.recordIds[i]!;
  const createdMs = plan.createdMs[i]!;
  const removedMs = plan.removedMs[i]!;
  const type = RESOURCE_TYPES[plan.resourceType[i]!]!;
  const files = recordFiles(plan, i);
  const updatedMs = Math.min(plan.endMs - 1, createdMs + Math.floor(rng() * 30 * DAY_MS));
  const communities = finalCommunityIds(plan, i);
  const status = files.length === 0 ? 'metadata-only' : !plan.downloadable[i] ? 'restricted' : accessSampler(rng);
  const funding = pickDistinct(rng, chance(rng, 0.45) ? intBetween(rng, 1, 3) : 0, funderSampler).map((f) => ({
    funder: { id: f.id, name: f.name },
    award: { number: `${f.id.slice(0, 3).toUpperCase()}-${intBetween(rng, 100000, 999999)}` },
  }));
  const creators = Array.from({ length: intBetween(rng, 1, 5) }, () => person(rng, chance(rng, 0.85)));
  const contributors = chance(rng, 0.25) ? [{ ...person(rng, true), role: { id: 'editor', title: { en: 'Editor', fr: 'Éditeur', de: 'Herausgeber', es: 'Editor' } } }] : [];
  const deleted = Number.isFinite(removedMs);
  return {
    id,
    created: invenioTimestamp(createdMs, i),
    updated: invenioTimestamp(updatedMs, i + 1),
    pids: { doi: { identifier: `10.5281/demo.${id}`, provider: 'datacite', client: 'datacite' } },
    parent: {
      id: parentIdOf(plan, i),
      communities: communities.length > 0 ? { ids: communities, default: communities[0] } : { ids: [] },
      access: { owned_by: { user: String(1000 + plan.ownerIndex[i]!) } },
    },
    access: { record: 'public', files: plan.downloadable[i] ? 'public' : 'restricted', status },
    metadata: {
      title: title(rng),
      publication_date: publicationDate(rng, createdMs),
      resource_type: { id: type.id, title: type.title },
      creators,
      ...(contributors.length > 0 ? { contributors } : {}),
      languages: pickDistinct(rng, chance(rng, 0.15) ? 2 : 1, languageSampler).map((l) => ({ id: l.id, title: l.title })),
      subjects: pickDistinct(rng, intBetween(rng, 0, 4), subjectSampler).map((s) => ({ id: s.id, subject: s.subject, scheme: 'FAST-topical' })),
      rights: [rightsSampler(rng)].map((r) => ({ id: r.id, title: r.title })),
      ...(funding.length > 0 ? { funding } : {}),
      publisher: publisherSampler(rng),
    },
    custom_fields: type.journal ? { 'journal:journal': { title: journalSampler(rng), volume: String(intBetween(rng, 1, 60)) } } : {},
    files: {
      enabled: files.length > 0,
      // Some APIs return sizes as strings; the importer must accept both.
      entries: Object.fromEntries(files.map((f, k) => [f.key, { ...f, size: (i + k) % 5 === 0 ? String(f.size) : f.size }])),
    },
    deletion_status: { is_deleted: deleted, status: deleted ? 'D' : 'P' },
    ...(deleted
      ? { tombstone: { removal_date: invenioTimestamp(removedMs), removal_reason: { id: 'spam' }, is_visible: true, note: '' } }
      : {}),
  };
}
