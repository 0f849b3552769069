/** A vocabulary: term id → label per language (`en` always present). */
export type Vocabulary = Readonly<Record<string, Readonly<{ en: string; fr?: string; de?: string; es?: string }>>>;
