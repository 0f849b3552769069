/** A term's label per language (`en` always present in the shipped vocabularies). */
export type Term = Readonly<{ en: string; fr?: string; de?: string; es?: string; [lang: string]: string | undefined }>;

/** A vocabulary: term id → its labels. */
export type Vocabulary = Readonly<Record<string, Term>>;
