/**
 * Where a JSON Pointer's value sits in JSON text, from the Lezer JSON syntax tree (the same parse
 * CodeMirror uses), so an inline mark covers exactly the offending value. A pointer to something
 * that is missing (a required key) lands on the start of the nearest parent that exists.
 */
import { jsonLanguage } from '@codemirror/lang-json';
import type { SyntaxNode } from '@lezer/common';

const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', '⚠']);

function values(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!PUNCTUATION.has(child.name)) out.push(child);
  return out;
}

function propertyValue(property: SyntaxNode): SyntaxNode | null {
  return values(property).find((n) => n.name !== 'PropertyName') ?? null;
}

function unescapePointer(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}

export interface JsonRange {
  from: number;
  to: number;
  /** False when the pointer's target is missing and the range is its nearest existing parent's start. */
  exact: boolean;
}

export function locateInJson(text: string, pointer: string): JsonRange {
  const top = jsonLanguage.parser.parse(text).topNode;
  let node: SyntaxNode | null = values(top)[0] ?? null;
  if (!node) return { from: 0, to: Math.min(1, text.length), exact: false };
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  for (const key of keys) {
    let next: SyntaxNode | null = null;
    if (node.name === 'Object') {
      for (const property of values(node)) {
        const name = property.getChild('PropertyName');
        if (!name) continue;
        let parsedName: unknown;
        try {
          parsedName = JSON.parse(text.slice(name.from, name.to));
        } catch {
          parsedName = null;
        }
        if (parsedName === key) next = propertyValue(property);
      }
    } else if (node.name === 'Array' && /^\d+$/.test(key)) {
      next = values(node)[Number(key)] ?? null;
    }
    if (!next) return { from: node.from, to: node.from + 1, exact: false };
    node = next;
  }
  return { from: node.from, to: node.to, exact: true };
}
